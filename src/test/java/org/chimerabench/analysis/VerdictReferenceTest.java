package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * The verdict of the two published sweeps, imported from the seed summary CSV, against an independent
 * computation: src/test/reference/verdict_reference.py (SciPy 1.17.1 {@code stats.t.interval},
 * {@code ttest_1samp}, {@code binomtest}; NumPy 2.4.6) on the same CSV, output pasted below. Tolerance 1e-9
 * relative; counts and outcomes exact.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@AsAdmin
class VerdictReferenceTest {

    static final double REL = 1e-9;

    // mean, ci95Low, ci95High, ci90Low, ci90High, p (two-sided t), sign test p
    static final double[] RUST_THROUGHPUT = {0.1376345057194237, -0.01634790607177189, 0.2916169175106193,
            0.010671352132172879, 0.26459765930667445, 0.07652514538620935, 0.09625244140625};
    static final double[] RUST_TTFT = {2.1171892757832573, 0.042138612455540514, 4.192239939110975,
            0.40624727270139993, 3.8281312788651136, 0.04600076693233174, 0.0308837890625};
    static final double[] PYTHON_THROUGHPUT = {0.09524950675747931, -0.1958838118500644, 0.386382825365023,
            -0.14479871572950656, 0.33529772924446505, 0.49934432474789797, 0.480682373046875};
    static final double[] PYTHON_TTFT = {-9.393358060134148, -19.35082810222042, 0.5641119819521219,
            -17.60359313560615, -1.18312298466215, 0.06288797252708012, 0.00014495849609375};

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analyses;

    Verdict rust;
    Verdict python;

    @BeforeAll
    void importSeedCsv() {
        SeedSweeps seed = SeedSweeps.importSummaryCsv(context);
        rust = analyses.analyse(seed.rust()).orElseThrow().verdict();
        python = analyses.analyse(seed.python()).orElseThrow().verdict();
    }

    @Test
    void rustThroughputIsEquivalentWithinTheDefaultMargin() {
        assertMetric(rust.throughputDeltaPct(), Outcome.EQUIVALENT, RUST_THROUGHPUT, 13);
        assertThat(rust.throughputDeltaPct().marginPct()).isEqualTo(1.0);
    }

    @Test
    void rustFirstTokenIsBetter() {
        assertMetric(rust.ttftReductionPct(), Outcome.BETTER, RUST_TTFT, 14);
    }

    @Test
    void pythonThroughputIsEquivalentAndFirstTokenInconclusive() {
        assertMetric(python.throughputDeltaPct(), Outcome.EQUIVALENT, PYTHON_THROUGHPUT, 7);
        assertMetric(python.ttftReductionPct(), Outcome.INCONCLUSIVE, PYTHON_TTFT, 1);
    }

    @Test
    void sentencesSayTheOutcomeWithDigitsSuitedToTheNoise() {
        assertThat(rust.sentence()).isEqualTo("Tuned options: no practical throughput difference (+0.14 %, within"
                + " ±1 %); first token 2.1 % sooner (p = 0.046)");
        assertThat(python.sentence()).isEqualTo("Tuned options: no practical throughput difference (+0.10 %,"
                + " within ±1 %); first-token effect unclear (−9.4 %, 95 % CI −19.4 to +0.6 %), though 17 of 18"
                + " configurations reached the first token later (sign test p < 0.001)");
    }

    private static void assertMetric(MetricVerdict v, Outcome outcome, double[] expected, int improved) {
        assertThat(v.outcome()).isEqualTo(outcome);
        assertThat(v.configurations()).isEqualTo(18);
        assertThat(v.improved()).isEqualTo(improved);
        double[] actual = {v.meanPct(), v.ci95Low(), v.ci95High(), v.ci90Low(), v.ci90High(), v.pValue(),
                v.signTestP()};
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("field %d", i).isCloseTo(expected[i], within(Math.abs(expected[i]) * REL));
        }
    }
}
