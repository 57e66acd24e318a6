package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.execution.Arm;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Every figure of the `rust` analysis of the seed CSV, computed from the stored calls, against an independent
 * computation: src/test/reference/seed_csv_reference.py (SciPy 1.17.1, NumPy 2.4.6) on the same CSV; its
 * output is pasted below. Tolerance 1e-9 relative (counts exact).
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AsAdmin
class AnalysisReferenceTest {

    static final double REL = 1e-9;

    // mean, sd, ci95Low, ci95High, t, p two-sided, p one-sided (greater)
    static final double[] THROUGHPUT_DELTA_TEST = {0.1376345057194237, 0.30964414720882094, -0.01634790607177189,
            0.2916169175106193, 1.8858220288690934, 0.07652514538620935, 0.03826257269310467};
    static final double[] TTFT_REDUCTION_TEST = {2.1171892757832573, 4.172731713882322, 0.042138612455540514,
            4.192239939110975, 2.1526601707669677, 0.04600076693233174, 0.02300038346616587};
    // min, q1, median, q3, max, mean, sd, cv%
    static final double[] THROUGHPUT_DIST = {97.87786461145134, 98.55550534136405, 98.85104654458698,
            99.12900803246683, 99.53317997696462, 98.83002081944204, 0.43768491182391195, 0.44286635598665147};
    static final double[] TTFT_DIST = {3513.7228999999998, 3719.569975, 3828.1803499999996, 3866.671375,
            4040.2924000000003, 3790.7782888888887, 115.58283461445255, 3.0490528805980612};
    static final double[] THROUGHPUT_BASELINE_DIST = {97.87786461145134, 98.4769348017374, 98.81341418451453,
            99.03323067273304, 99.53317997696462, 98.762241987587, 0.4293804501508633, 0.4347617485281776};
    static final double[] THROUGHPUT_CHIMERA_DIST = {98.16357287093065, 98.57432835757331, 98.92297584000282,
            99.26496129965611, 99.50226861002446, 98.89779965129706, 0.44755881921072527, 0.4525467915249573};

    record Row(String axis, String value, int configurations, int improved, double positiveRatePct,
               double meanDeltaPct, String best, double bestDeltaPct) {
    }

    static final List<Row> BY_PARAMETER = List.of(
            new Row("num_gpu", "60", 6, 4, 66.66666666666666, 0.1530847550456214, "num_gpu=60 · num_ctx=1024 · temperature=0.8", 0.6059347143029422),
            new Row("num_gpu", "80", 6, 5, 83.33333333333334, 0.23208433810357199, "num_gpu=80 · num_ctx=256 · temperature=0.8", 0.5658582387386851),
            new Row("num_gpu", "120", 6, 4, 66.66666666666666, 0.0277344240090777, "num_gpu=120 · num_ctx=1024 · temperature=0.6", 0.37786484499062106),
            new Row("num_ctx", "256", 6, 4, 66.66666666666666, 0.14126981272362446, "num_gpu=80 · num_ctx=256 · temperature=0.8", 0.5658582387386851),
            new Row("num_ctx", "512", 6, 4, 66.66666666666666, 0.02488047969970236, "num_gpu=60 · num_ctx=512 · temperature=0.6", 0.3094445363461526),
            new Row("num_ctx", "1024", 6, 5, 83.33333333333334, 0.2467532247349443, "num_gpu=60 · num_ctx=1024 · temperature=0.8", 0.6059347143029422),
            new Row("temperature", "0.6", 9, 5, 55.55555555555556, 0.018265295807807478, "num_gpu=80 · num_ctx=256 · temperature=0.6", 0.3846734516834216),
            new Row("temperature", "0.8", 9, 8, 88.88888888888889, 0.2570037156310399, "num_gpu=60 · num_ctx=1024 · temperature=0.8", 0.6059347143029422));

    static final List<String> TOP_BY_THROUGHPUT = List.of("num_gpu=60 · num_ctx=1024 · temperature=0.8",
            "num_gpu=80 · num_ctx=256 · temperature=0.8", "num_gpu=80 · num_ctx=1024 · temperature=0.8",
            "num_gpu=80 · num_ctx=256 · temperature=0.6", "num_gpu=120 · num_ctx=1024 · temperature=0.6");
    static final double[] TOP_BY_THROUGHPUT_DELTAS = {0.6059347143029422, 0.5658582387386851, 0.4312236090611594,
            0.3846734516834216, 0.37786484499062106};
    static final List<String> TOP_BY_TTFT = List.of("num_gpu=80 · num_ctx=256 · temperature=0.8",
            "num_gpu=120 · num_ctx=1024 · temperature=0.8", "num_gpu=120 · num_ctx=256 · temperature=0.6",
            "num_gpu=80 · num_ctx=1024 · temperature=0.8", "num_gpu=60 · num_ctx=1024 · temperature=0.6");
    static final double[] TOP_BY_TTFT_REDUCTIONS = {9.069816333095106, 8.730383147546666, 8.567932615099105,
            7.01189820836672, 2.8858861243953178};

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analysisService;

    SweepAnalysis rust;

    @BeforeAll
    void importSeedCsv() {
        rust = analysisService.analyse(SeedSweeps.importSummaryCsv(context).rust()).orElseThrow();
    }

    @Test
    void headline() {
        assertThat(rust.configurations()).isEqualTo(18);
        assertThat(rust.improvedConfigurations()).isEqualTo(13);
        close(rust.successRatePct(), 72.22222222222221);
        assertThat(rust.incompleteConfigurations()).isZero();
        assertThat(rust.minTrialsPerArm()).isEqualTo(1);
        assertThat(rust.significantlyImprovedConfigurations()).as("no per-configuration test with 1 trial").isNull();
    }

    @Test
    void sweepLevelTests() {
        assertTest(rust.throughputDeltaPct(), THROUGHPUT_DELTA_TEST);
        assertTest(rust.ttftReductionPct(), TTFT_REDUCTION_TEST);
    }

    @Test
    void distributions() {
        assertDistribution(rust.throughput(), 36, THROUGHPUT_DIST);
        assertDistribution(rust.ttftMs(), 36, TTFT_DIST);
        assertDistribution(rust.throughputByArm().get(Arm.BASELINE), 18, THROUGHPUT_BASELINE_DIST);
        assertDistribution(rust.throughputByArm().get(Arm.CHIMERA), 18, THROUGHPUT_CHIMERA_DIST);
    }

    @Test
    void perParameterTables() {
        assertThat(rust.byParameter().keySet()).containsExactly("num_gpu", "num_ctx", "temperature");
        for (Row expected : BY_PARAMETER) {
            ParameterRow row = rust.byParameter().get(expected.axis()).stream()
                    .filter(r -> r.value().equals(expected.value())).findFirst()
                    .orElseThrow(() -> new AssertionError("no row " + expected.axis() + "=" + expected.value()));
            assertThat(row.configurations()).as(expected.toString()).isEqualTo(expected.configurations());
            assertThat(row.improved()).as(expected.toString()).isEqualTo(expected.improved());
            close(row.positiveRatePct(), expected.positiveRatePct());
            close(row.meanDeltaPct(), expected.meanDeltaPct());
            assertThat(OptionsJson.describe(row.best().options())).isEqualTo(expected.best());
            close(row.best().deltaPct(), expected.bestDeltaPct());
        }
        assertThat(rust.byParameter().values().stream().mapToInt(List::size).sum()).isEqualTo(BY_PARAMETER.size());
    }

    @Test
    void topLists() {
        assertThat(rust.topByThroughput().stream().map(r -> OptionsJson.describe(r.options())))
                .containsExactlyElementsOf(TOP_BY_THROUGHPUT);
        for (int i = 0; i < 5; i++) {
            close(rust.topByThroughput().get(i).throughput().deltaPct(), TOP_BY_THROUGHPUT_DELTAS[i]);
        }
        assertThat(rust.topByTtft().stream().map(r -> OptionsJson.describe(r.options())))
                .containsExactlyElementsOf(TOP_BY_TTFT);
        for (int i = 0; i < 5; i++) {
            close(rust.topByTtft().get(i).ttft().ttftReductionPct(), TOP_BY_TTFT_REDUCTIONS[i]);
        }
    }

    @Test
    void recommendationMatrix() {
        Map<UseCase, Recommendation> rows = new EnumMap<>(UseCase.class);
        rust.recommendations().forEach(r -> rows.put(r.useCase(), r));
        assertThat(rust.recommendations()).extracting(Recommendation::useCase).containsExactly(UseCase.values());
        assertThat(OptionsJson.describe(rows.get(UseCase.MAX_THROUGHPUT).options()))
                .isEqualTo("num_gpu=60 · num_ctx=1024 · temperature=0.8");
        assertThat(OptionsJson.describe(rows.get(UseCase.BALANCED).options()))
                .isEqualTo("num_gpu=80 · num_ctx=256 · temperature=0.8");
        assertThat(rows.get(UseCase.BALANCED).note()).contains("rank sum 3.00");
        assertThat(rows.get(UseCase.CONSISTENCY).options()).isNull();
        assertThat(rows.get(UseCase.CONSISTENCY).note()).isEqualTo("needs ≥ 2 trials per arm");
        assertThat(OptionsJson.describe(rows.get(UseCase.RESOURCE_EFFICIENT).options()))
                .isEqualTo("num_gpu=60 · num_ctx=256 · temperature=0.6");
        rust.recommendations().forEach(r -> assertThat(r.rule()).isNotBlank());
    }

    private static void assertTest(MeanTest test, double[] expected) {
        assertThat(test.n()).isEqualTo(18);
        close(test.mean(), expected[0]);
        close(test.stdDev(), expected[1]);
        close(test.ci95Low(), expected[2]);
        close(test.ci95High(), expected[3]);
        close(test.tStatistic(), expected[4]);
        close(test.pValueTwoSided(), expected[5]);
        close(test.pValueOneSided(), expected[6]);
    }

    private static void assertDistribution(Distribution d, int n, double[] expected) {
        assertThat(d.n()).isEqualTo(n);
        double[] actual = {d.min(), d.q1(), d.median(), d.q3(), d.max(), d.mean(), d.stdDev(), d.cvPct()};
        for (int i = 0; i < expected.length; i++) {
            close(actual[i], expected[i]);
        }
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
    }
}
