package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

/**
 * Reference values from src/test/reference/change_point.py (SciPy 1.17.1 / NumPy 2.4.6, the method written
 * independently: inverse-variance weighted means per side, z = shift / √(1/WL + 1/WR), first largest |z|,
 * min(1, (n−1) · 2 · scipy.stats.norm.sf(|z|))), compared with {@link StatsReference#assertClose}: 1e-9 relative.
 */
class ChangePointTest {

    static final double ALPHA = 0.05;

    /** 1e-9 relative with no absolute floor, for the p-values far below {@code assertClose}'s floor of 1e-15. */
    static void assertRelativelyClose(double actual, double expected) {
        assertThat(actual).isCloseTo(expected, within(Math.abs(expected) * StatsReference.RELATIVE_TOLERANCE));
    }

    @Test
    void aClearStepDownOfFiveAfterTheThirdCheck() {
        ChangePoint step = ChangePoint.find(new double[] {0.3, -0.2, 0.1, -5.1, -4.8, -5.3},
                new double[] {0.25, 0.16, 0.36, 0.49, 0.25, 0.64}, ALPHA);
        // z per split k=1..5: -4.7346, -8.2171, -10.9575, -8.5963, -4.5176
        assertThat(step.found()).isTrue();
        assertThat(step.index()).isEqualTo(3);
        assertClose(step.meanBefore(), 0.017484008528784643);
        assertClose(step.meanAfter(), -4.983274618352625);
        assertClose(step.shift(), -5.000758626881409);
        assertClose(step.z(), -10.957499597525125);
        assertRelativelyClose(step.pValue(), 3.0583000709120516e-27); // unadjusted 6.116600141824103e-28, × 5 splits
    }

    @Test
    void aFlatNoisySeriesIsNotAChangeOnceAdjustedForTheSevenSplits() {
        ChangePoint flat = ChangePoint.find(new double[] {0.3, -0.2, 0.5, 0.4, -0.4, 0.1, -0.3, -0.5},
                new double[] {0.16, 0.25, 0.09, 0.36, 0.25, 0.16, 0.49, 0.09}, ALPHA);
        // z per split k=1..7: -0.7710, -0.3336, -1.8548, -2.1577, -1.7078, -2.0534, -1.9519;
        // the best split alone has p = 0.030954973020063274 < 0.05, but × 7 it does not
        assertThat(flat.found()).isFalse();
        assertThat(flat.index()).isEqualTo(4);
        assertClose(flat.meanBefore(), 0.32071346375143844);
        assertClose(flat.meanAfter(), -0.3052227416971488);
        assertClose(flat.shift(), -0.6259362054485873);
        assertClose(flat.z(), -2.1576510423746713);
        assertClose(flat.pValue(), 0.2166848111404429);
    }

    @Test
    void pureNoiseHasItsAdjustedPValueCappedAtOne() {
        ChangePoint noise = ChangePoint.find(new double[] {0.4, -0.3, 0.1, 0.6, -0.5, 0.2, -0.1, 0.3},
                new double[] {0.16, 0.25, 0.09, 0.36, 0.25, 0.16, 0.49, 0.09}, ALPHA);
        // unadjusted p = 0.47852802886102785, × 7 > 1
        assertThat(noise.found()).isFalse();
        assertThat(noise.index()).isEqualTo(1);
        assertClose(noise.meanBefore(), 0.4);
        assertClose(noise.meanAfter(), 0.09583316171725907);
        assertClose(noise.shift(), -0.30416683828274094);
        assertClose(noise.z(), -0.7086720250611936);
        assertThat(noise.pValue()).isEqualTo(1.0);
    }

    /** A small precise step of +1 at index 5, and one very uncertain check (9.0 with variance 400) at index 1. */
    static final double[] OUTLIER_VALUES = {0.05, 9.0, -0.1, 0.0, 0.1, 1.05, 0.9, 1.1, 0.95};
    static final double[] OUTLIER_VARIANCES = {0.01, 400.0, 0.01, 0.02, 0.01, 0.01, 0.02, 0.01, 0.01};

    @Test
    void oneVeryUncertainPointDoesNotMisleadTheWeighting() {
        ChangePoint weighted = ChangePoint.find(OUTLIER_VALUES, OUTLIER_VARIANCES, ALPHA);
        assertThat(weighted.found()).isTrue();
        assertThat(weighted.index()).isEqualTo(5);
        assertClose(weighted.meanBefore(), 0.014349897500732138);
        assertClose(weighted.meanAfter(), 1.0142857142857142);
        assertClose(weighted.shift(), 0.9999358167849821);
        assertClose(weighted.z(), 13.227931112354469);
        assertRelativelyClose(weighted.pValue(), 4.842455434614806e-39);
    }

    @Test
    void withoutTheWeightsTheUncertainPointWouldWin() {
        // the unweighted method: equal variances (the split chosen does not depend on their common value)
        double[] ones = {1, 1, 1, 1, 1, 1, 1, 1, 1};
        ChangePoint unweighted = ChangePoint.find(OUTLIER_VALUES, ones, ALPHA);
        assertThat(unweighted.found()).isTrue();
        assertThat(unweighted.index()).isEqualTo(2); // right after the outlier, not at the real step
        assertClose(unweighted.meanBefore(), 4.525);
        assertClose(unweighted.meanAfter(), 0.5714285714285714);
        assertClose(unweighted.shift(), -3.953571428571429);
        assertClose(unweighted.z(), -4.9309699132842315);
        assertRelativelyClose(unweighted.pValue(), 6.5457869469646875e-06);
    }

    @Test
    void theFirstSplitWinsATie() {
        // k=1: shift −0.5, k=2: shift +0.5, the same |z| exactly
        ChangePoint tie = ChangePoint.find(new double[] {1, 0, 1}, new double[] {1, 1, 1}, ALPHA);
        assertThat(tie.index()).isEqualTo(1);
        assertClose(tie.shift(), -0.5);
        assertClose(tie.z(), -0.4082482904638631);
        assertThat(tie.pValue()).isEqualTo(1.0); // unadjusted 0.6830913983096087, × 2
    }

    @Test
    void twoPointsHaveOneSplitAndNoAdjustment() {
        ChangePoint two = ChangePoint.find(new double[] {1, 3}, new double[] {0.5, 1.5}, ALPHA);
        assertThat(two.found()).isFalse();
        assertThat(two.index()).isEqualTo(1);
        assertClose(two.meanBefore(), 1.0);
        assertClose(two.meanAfter(), 3.0);
        assertClose(two.shift(), 2.0);
        assertClose(two.z(), 1.414213562373095);
        assertClose(two.pValue(), 0.15729920705028516);
        assertThat(ChangePoint.find(new double[] {1, 3}, new double[] {0.5, 1.5}, 0.2).found()).isTrue();
    }

    @Test
    void fewerThanTwoPointsHaveNoSplit() {
        ChangePoint one = ChangePoint.find(new double[] {2.5}, new double[] {0.3}, ALPHA);
        assertThat(one.found()).isFalse();
        assertThat(one.index()).isEqualTo(-1);
        assertThat(one.z()).isZero();
        assertThat(one.shift()).isZero();
        assertThat(one.pValue()).isEqualTo(1.0);
        assertThat(one.meanBefore()).isEqualTo(2.5);
        assertThat(one.meanAfter()).isEqualTo(2.5);

        ChangePoint none = ChangePoint.find(new double[0], new double[0], ALPHA);
        assertThat(none.found()).isFalse();
        assertThat(none.index()).isEqualTo(-1);
        assertThat(none.z()).isZero();
        assertThat(none.shift()).isZero();
        assertThat(none.pValue()).isEqualTo(1.0);
        assertThat(none.meanBefore()).isNaN();
        assertThat(none.meanAfter()).isNaN();
    }

    @Test
    void aConstantSeriesHasZAndShiftZero() {
        ChangePoint flat = ChangePoint.find(new double[] {2, 2, 2, 2}, new double[] {1, 2, 3, 4}, ALPHA);
        assertThat(flat.found()).isFalse();
        assertThat(flat.index()).isEqualTo(1);
        assertThat(flat.z()).isZero();
        assertThat(flat.shift()).isZero();
        assertThat(flat.pValue()).isEqualTo(1.0);
    }

    @Test
    void theInputIsNotChanged() {
        double[] values = OUTLIER_VALUES.clone();
        double[] variances = OUTLIER_VARIANCES.clone();
        ChangePoint.find(values, variances, ALPHA);
        assertThat(values).containsExactly(OUTLIER_VALUES);
        assertThat(variances).containsExactly(OUTLIER_VARIANCES);
    }

    @Test
    void badInputIsRefused() {
        double[] ok = {1, 2, 3};
        double[] var = {1, 1, 1};
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {1, 1}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 values but 2 variances");
        assertThatThrownBy(() -> ChangePoint.find(new double[] {1, Double.NaN, 3}, var, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value #2 is NaN");
        assertThatThrownBy(() -> ChangePoint.find(new double[] {1, 2, Double.NEGATIVE_INFINITY}, var, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("value #3 is -Infinity");
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {1, 0, 1}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance #2 is 0.0");
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {-1, 1, 1}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance #1 is -1.0");
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {1, 1, Double.NaN}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance #3 is NaN");
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {1, Double.POSITIVE_INFINITY, 1}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance #2 is Infinity");
        assertThatThrownBy(() -> ChangePoint.find(ok, new double[] {1, Double.MIN_VALUE, 1}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("inverse overflows");
        for (double alpha : new double[] {0, 1, -0.1, 1.5, Double.NaN}) {
            assertThatThrownBy(() -> ChangePoint.find(ok, var, alpha))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha must be within (0, 1)");
        }
        assertThatThrownBy(() -> ChangePoint.find(null, var, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        assertThatThrownBy(() -> ChangePoint.find(ok, null, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("null");
        // bad input is refused even when there is nothing to split
        assertThatThrownBy(() -> ChangePoint.find(new double[] {1}, new double[] {0}, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("variance #1");
        assertThatThrownBy(() -> ChangePoint.find(new double[0], new double[0], 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
        assertThatThrownBy(() -> ChangePoint.find(new double[] {1e308, 1e308, -1e308}, var, ALPHA))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }
}
