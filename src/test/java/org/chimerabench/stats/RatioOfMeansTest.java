package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Reference values from NumPy 1.26 / SciPy 1.11 (the same formula written independently: log ratio of means, delta-
 * method variance s²/(n·mean²) per sample, Welch–Satterthwaite df, scipy.stats.t.ppf), tolerance 1e-9.
 */
class RatioOfMeansTest {

    static final double[] TUNED = {16.2, 16.5, 16.1, 16.8, 16.4, 16.6, 16.3, 16.0, 16.7, 16.5};
    static final double[] DEFAULTS = {14.4, 14.6, 14.3, 14.9, 14.5, 14.2, 14.7, 14.5, 14.4, 14.8};

    @Test
    void aGainWithItsInterval() {
        RatioOfMeans gain = RatioOfMeans.of(TUNED, DEFAULTS, 0.95);
        assertThat(gain.changePct()).isCloseTo(12.938747419132813, within(1e-9));
        assertThat(gain.ciLowPct()).isCloseTo(11.300892467900203, within(1e-9));
        assertThat(gain.ciHighPct()).isCloseTo(14.600704323025425, within(1e-9));
        assertThat(gain.degreesOfFreedom()).isCloseTo(17.971688688157073, within(1e-9));
    }

    @Test
    void aReductionOfUnequalSamplesAtNinetyPercent() {
        RatioOfMeans change = RatioOfMeans.of(new double[] {210, 190, 205}, new double[] {260, 250, 270, 255}, 0.90);
        assertThat(change.changePct()).isCloseTo(-22.061191626409027, within(1e-9));
        assertThat(change.ciLowPct()).isCloseTo(-27.912021094975227, within(1e-9));
        assertThat(change.ciHighPct()).isCloseTo(-15.735495113569842, within(1e-9));
        assertThat(change.degreesOfFreedom()).isCloseTo(3.2132079101044204, within(1e-9));
    }

    @Test
    void identicalConstantSamplesGiveAZeroWidthInterval() {
        RatioOfMeans none = RatioOfMeans.of(new double[] {5, 5}, new double[] {5, 5}, 0.95);
        assertThat(none.changePct()).isZero();
        assertThat(none.ciLowPct()).isZero();
        assertThat(none.ciHighPct()).isZero();
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> RatioOfMeans.of(new double[] {1}, DEFAULTS, 0.95))
                .hasMessageContaining("at least 2 values");
        assertThatThrownBy(() -> RatioOfMeans.of(new double[] {-1, -2}, DEFAULTS, 0.95))
                .hasMessageContaining("above 0");
        assertThatThrownBy(() -> RatioOfMeans.of(TUNED, DEFAULTS, 1.0)).hasMessageContaining("confidence");
    }

    /**
     * Issue 28: a known extra log-scale variance (an endpoint's drift between checks) widens the interval and counts
     * as known in the degrees of freedom. Reference: NumPy 2 / SciPy 1.17, the formula of the class written
     * independently (src/test/reference/ratio_of_means_extra.py); tolerance 1e-9.
     */
    @Test
    void aKnownExtraVarianceWidensTheInterval() {
        double[] check = {101.2, 99.8, 100.5, 98.9, 100.1, 99.5};
        double[] reference = {110.3, 109.1, 111.0, 108.7, 110.2};
        RatioOfMeans at95 = RatioOfMeans.of(check, reference, 0.95, 0.0001);
        assertThat(at95.changePct()).isCloseTo(-8.97505916621153, within(1e-9));
        assertThat(at95.ciLowPct()).isCloseTo(-10.961886129417453, within(1e-9));
        assertThat(at95.ciHighPct()).isCloseTo(-6.9438974657776935, within(1e-9));
        assertThat(at95.degreesOfFreedom()).isCloseTo(205.81471412709573, within(1e-6));
        RatioOfMeans at90 = RatioOfMeans.of(check, reference, 0.90, 0.0004);
        assertThat(at90.ciLowPct()).isCloseTo(-12.012141188868352, within(1e-9));
        assertThat(at90.ciHighPct()).isCloseTo(-5.833146007339152, within(1e-9));
        assertThat(RatioOfMeans.of(check, reference, 0.95, 0).ciLowPct()).as("no extra variance: narrower")
                .isGreaterThan(at95.ciLowPct());
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
                .isThrownBy(() -> RatioOfMeans.of(check, reference, 0.95, -1e-6)).withMessageContaining("at least 0");
    }

    /** Constant samples with an extra variance: the interval is the normal one around the exact ratio. */
    @Test
    void constantSamplesWithAnExtraVarianceUseTheNormalQuantile() {
        RatioOfMeans change = RatioOfMeans.of(new double[] {100, 100}, new double[] {100, 100}, 0.95, 0.0001);
        // exp(±1.959963984540054 × 0.01) − 1 (scipy.stats.norm.ppf(0.975))
        assertThat(change.ciLowPct()).isCloseTo(-1.9408815633209953, within(1e-9));
        assertThat(change.ciHighPct()).isCloseTo(1.9792973812775116, within(1e-9));
    }
}
