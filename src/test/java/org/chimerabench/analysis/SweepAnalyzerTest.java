package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour with repeated trials (per-configuration Welch tests, BH, consistency, VRAM) and edge cases. */
class SweepAnalyzerTest {

    static final Map<String, List<Object>> AXES = axes();

    private static Map<String, List<Object>> axes() {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("num_gpu", List.of(20, 40));
        axes.put("num_ctx", List.of(2048));
        return axes;
    }

    static MeasuredConfiguration config(long id, int gpu, double[] baseline, double[] chimera, double baseTtft,
                                        double chimeraTtft, Double vram) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_gpu", gpu);
        options.put("num_ctx", 2048);
        return new MeasuredConfiguration(id, options, baseline, chimera, new double[] {baseTtft, baseTtft},
                new double[] {chimeraTtft, chimeraTtft}, vram);
    }

    // A: clearly faster; B: slower. SciPy reference:
    //   st.ttest_ind([52.1,52.4,51.9,52.3],[50.0,50.3,49.8,50.1], equal_var=False).pvalue = 8.645296700916756e-06
    //   st.ttest_ind([47.9,48.6,48.1,48.4],[50.2,50.0,50.4,49.9], equal_var=False).pvalue = 0.00011725344017145183
    //   st.false_discovery_control([8.645296700916756e-06, 0.00011725344017145183]) = [1.72905934e-05, 1.17253440e-04]
    static final MeasuredConfiguration A = config(1, 20, new double[] {50.0, 50.3, 49.8, 50.1},
            new double[] {52.1, 52.4, 51.9, 52.3}, 900, 800, 6.0e9);
    static final MeasuredConfiguration B = config(2, 40, new double[] {50.2, 50.0, 50.4, 49.9},
            new double[] {47.9, 48.6, 48.1, 48.4}, 900, 950, 4.0e9);

    @Test
    void repeatedTrialsGiveWelchTestsAdjustedByBenjaminiHochberg() {
        SweepAnalysis analysis = SweepAnalyzer.analyse(7, "x", AXES, List.of(A, B));
        ConfigurationResult a = analysis.configurationResults().get(0);
        ConfigurationResult b = analysis.configurationResults().get(1);
        assertThat(a.significance().pValue()).isCloseTo(8.645296700916756e-06, within(8.645296700916756e-06 * 1e-6));
        assertThat(b.significance().pValue()).isCloseTo(0.00011725344017145183, within(0.00011725344017145183 * 1e-6));
        assertThat(a.significance().qValue()).isCloseTo(2 * 8.645296700916756e-06, within(1e-12));
        assertThat(b.significance().qValue()).isCloseTo(0.00011725344017145183, within(1e-12));
        assertThat(a.significance().significantlyImproved()).isTrue();
        assertThat(b.significance().significantlyImproved()).as("significant, but slower").isFalse();
        assertThat(analysis.significantlyImprovedConfigurations()).isEqualTo(1);
        assertThat(analysis.minTrialsPerArm()).isEqualTo(4);
        assertThat(a.throughput().chimeraCvPct()).isNotNull();
    }

    @Test
    void consistencyAndResourceRowsUseTrialsAndVram() {
        MeasuredConfiguration steady = config(3, 40, new double[] {50.0, 50.1, 49.9, 50.0},
                new double[] {51.0, 51.0, 51.01, 50.99}, 900, 880, 3.0e9);
        SweepAnalysis analysis = SweepAnalyzer.analyse(7, "x", AXES, List.of(A, B, steady));
        Map<UseCase, Recommendation> rows = new EnumMap<>(UseCase.class);
        analysis.recommendations().forEach(r -> rows.put(r.useCase(), r));
        assertThat(rows.get(UseCase.MAX_THROUGHPUT).configurationId()).isEqualTo(1L);
        assertThat(rows.get(UseCase.CONSISTENCY).configurationId()).as("lowest chimera CV").isEqualTo(3L);
        assertThat(rows.get(UseCase.RESOURCE_EFFICIENT).configurationId()).as("smallest VRAM with Δ ≥ 0")
                .isEqualTo(3L);
        assertThat(rows.get(UseCase.RESOURCE_EFFICIENT).note()).isEqualTo("smallest measured VRAM");
    }

    @Test
    void nothingImprovedLeavesBalancedAndConsistencyEmptyWithAReason() {
        SweepAnalysis analysis = SweepAnalyzer.analyse(7, "x", AXES, List.of(B));
        assertThat(analysis.successRatePct()).isZero();
        Recommendation balanced = analysis.recommendations().get(1);
        assertThat(balanced.options()).isNull();
        assertThat(balanced.note()).isEqualTo("no configuration improved throughput");
        assertThat(analysis.recommendations().get(3).options()).as("no Δ ≥ 0").isNull();
        assertThat(analysis.throughputDeltaPct().tStatistic()).as("one configuration: no t-test").isNull();
        assertThat(analysis.throughputDeltaPct().note()).contains("at least 2 values, got 1");
    }

    @Test
    void emptyAndIncompleteSweeps() {
        SweepAnalysis empty = SweepAnalyzer.analyse(7, "x", AXES, List.of());
        assertThat(empty.configurations()).isZero();
        assertThat(empty.successRatePct()).isZero();
        assertThat(empty.throughput()).isNull();
        assertThat(empty.throughputDeltaPct().note()).isEqualTo("no configurations measured");
        assertThat(empty.recommendations()).hasSize(4).allSatisfy(r -> assertThat(r.options()).isNull());

        MeasuredConfiguration onlyBaseline = new MeasuredConfiguration(9, Map.of("num_gpu", 20, "num_ctx", 2048),
                new double[] {50}, new double[0], new double[] {900}, new double[0], null);
        SweepAnalysis partial = SweepAnalyzer.analyse(7, "x", AXES, List.of(A, onlyBaseline));
        assertThat(partial.configurations()).isEqualTo(1);
        assertThat(partial.incompleteConfigurations()).isEqualTo(1);
    }

    @Test
    void averageRanksShareTies() {
        ConfigurationResult x = SweepAnalyzer.result(A);
        ConfigurationResult y = SweepAnalyzer.result(config(5, 20, new double[] {50.0, 50.3, 49.8, 50.1},
                new double[] {52.1, 52.4, 51.9, 52.3}, 900, 800, null));
        ConfigurationResult z = SweepAnalyzer.result(B);
        Map<ConfigurationResult, Double> ranks = RecommendationMatrix.averageRanks(List.of(x, y, z),
                r -> r.throughput().deltaPct());
        assertThat(ranks.get(x)).isEqualTo(1.5);
        assertThat(ranks.get(y)).isEqualTo(1.5);
        assertThat(ranks.get(z)).isEqualTo(3.0);
    }
}
