package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The verdict rule on hand-made effects (docs/architecture.md §6.5). Interval values from SciPy 1.17.1
 * ({@code stats.t.interval}, {@code binomtest}; src/test/reference/verdict_reference.py), tolerance 1e-9 relative.
 */
class MetricVerdictTest {

    static final double REL = 1e-9;

    @Test
    void intervalAboveZeroIsBetter() {
        MetricVerdict v = MetricVerdict.of(new double[] {1.0, 1.5, 2.0, 2.5}, 1.0);
        assertThat(v.outcome()).isEqualTo(Outcome.BETTER);
        close(v.ci95Low(), 0.7228698716197397);
        close(v.ci95High(), 2.7771301283802603);
        close(v.pValue(), 0.012307551821486276);
        close(v.signTestP(), 0.125);
        assertThat(v.improved()).isEqualTo(4);
        assertThat(v.signTestSignificant()).as("4 of 4 is not rare enough for a sign test").isFalse();
        assertThat(VerdictSentence.of(v, v)).isEqualTo("Tuned options: throughput 1.8 % higher (p = 0.012);"
                + " first token 1.8 % sooner (p = 0.012)");
    }

    @Test
    void intervalBelowZeroIsWorse() {
        MetricVerdict v = MetricVerdict.of(new double[] {-1.0, -1.5, -2.0, -2.5}, 1.0);
        assertThat(v.outcome()).isEqualTo(Outcome.WORSE);
        close(v.ci95High(), -0.7228698716197397);
        assertThat(VerdictSentence.of(v, v)).isEqualTo("Tuned options: throughput 1.8 % lower (p = 0.012);"
                + " first token 1.8 % later (p = 0.012)");
    }

    @Test
    void narrowIntervalAroundZeroIsEquivalent() {
        MetricVerdict v = MetricVerdict.of(new double[] {0.1, -0.1, 0.2, -0.2, 0.05, 0.0}, 1.0);
        assertThat(v.outcome()).isEqualTo(Outcome.EQUIVALENT);
        close(v.ci90Low(), -0.10921115511109314);
        close(v.ci90High(), 0.12587782177775972);
        close(v.signTestP(), 1.0);
        assertThat(v.improved()).as("0.0 is not an improvement").isEqualTo(3);
    }

    @Test
    void theSameIntervalWithATighterMarginIsInconclusive() {
        MetricVerdict v = MetricVerdict.of(new double[] {0.1, -0.1, 0.2, -0.2, 0.05, 0.0}, 0.1);
        assertThat(v.outcome()).as("90 % CI −0.109 to +0.126 is not inside ±0.1").isEqualTo(Outcome.INCONCLUSIVE);
    }

    @Test
    void boundaries() {
        // Shift a sample so its 95 % low sits a hair above or below 0 (shifting moves the interval, not its width).
        double low = MetricVerdict.of(new double[] {1.0, 1.5, 2.0, 2.5}, 1.0).ci95Low();
        double[] justAbove = {1.0 - low + 1e-9, 1.5 - low + 1e-9, 2.0 - low + 1e-9, 2.5 - low + 1e-9};
        assertThat(MetricVerdict.of(justAbove, 1.0).outcome()).isEqualTo(Outcome.BETTER);
        double[] justBelow = {1.0 - low - 1e-9, 1.5 - low - 1e-9, 2.0 - low - 1e-9, 2.5 - low - 1e-9};
        assertThat(MetricVerdict.of(justBelow, 1.0).outcome()).as("0 inside the 95 % CI, 90 % CI not inside ±1")
                .isEqualTo(Outcome.INCONCLUSIVE);

        // Equivalence: the margin exactly at the 90 % high is not "inside"; a hair wider is.
        double[] small = {0.1, -0.1, 0.2, -0.2, 0.05, 0.0};
        double high90 = 0.12587782177775972;
        assertThat(MetricVerdict.of(small, high90 * (1 - 1e-9)).outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(MetricVerdict.of(small, high90 * (1 + 1e-9)).outcome()).isEqualTo(Outcome.EQUIVALENT);
    }

    @Test
    void undefinedTestsAreInconclusiveAndSaySo() {
        MetricVerdict one = MetricVerdict.of(new double[] {3.0}, 1.0);
        assertThat(one.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(one.ci95Low()).isNull();
        assertThat(one.meanPct()).isEqualTo(3.0);
        close(one.signTestP(), 1.0);
        MetricVerdict equal = MetricVerdict.of(new double[] {2.0, 2.0, 2.0}, 1.0);
        assertThat(equal.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        assertThat(VerdictSentence.describe(equal, VerdictSentence.THROUGHPUT)).isEqualTo(
                "throughput effect not testable (3 configurations, all equal)");
        MetricVerdict none = MetricVerdict.of(new double[0], 1.0);
        assertThat(none.signTestP()).isNull();
        assertThat(VerdictSentence.of(none, none)).isEqualTo("No configuration has been measured in both arms yet.");
    }

    @Test
    void aSignificantSignTestIsMentionedWhenTheMeanIsUnclear() {
        // 17 of 18 slightly positive and one large negative: the mean's CI straddles 0, the sign test does not.
        double[] effects = new double[18];
        java.util.Arrays.fill(effects, 0, 17, 0.5);
        for (int i = 0; i < 17; i++) {
            effects[i] += i * 0.01;
        }
        effects[17] = -20;
        MetricVerdict v = MetricVerdict.of(effects, 1.0);
        assertThat(v.outcome()).isEqualTo(Outcome.INCONCLUSIVE);
        close(v.signTestP(), 0.00014495849609375);
        assertThat(VerdictSentence.describe(v, VerdictSentence.THROUGHPUT)).endsWith(
                ", though 17 of 18 configurations were faster (sign test p < 0.001)");
    }

    @Test
    void badMarginsAreRefused() {
        assertThatThrownBy(() -> MetricVerdict.of(new double[] {1, 2}, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MetricVerdict.of(new double[] {1, 2}, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void close(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * REL));
    }
}
