package org.chimerabench.stats;

import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * How much larger one sample's mean is than another's, in %, with a confidence interval: the log of the ratio of
 * means, its standard error by the delta method (s² / (n · mean²) per sample), Welch–Satterthwaite degrees of freedom,
 * and the interval transformed back ({@code (exp(·) − 1) × 100}), so it is not symmetric around the estimate and never
 * reaches −100 %. Both samples need two values and a positive mean.
 */
public final class RatioOfMeans {

    private final double changePct;
    private final double ciLowPct;
    private final double ciHighPct;
    private final double degreesOfFreedom;
    private final double logStandardError;

    private RatioOfMeans(double changePct, double ciLowPct, double ciHighPct, double degreesOfFreedom,
                         double logStandardError) {
        this.logStandardError = logStandardError;
        this.changePct = changePct;
        this.ciLowPct = ciLowPct;
        this.ciHighPct = ciHighPct;
        this.degreesOfFreedom = degreesOfFreedom;
    }

    /**
     * (mean(a) / mean(b) − 1) × 100 with its two-sided interval at {@code confidence}.
     *
     * @throws IllegalArgumentException with fewer than 2 values in a sample, a mean not above 0, or a confidence
     *                                  outside (0, 1)
     */
    public static RatioOfMeans of(double[] a, double[] b, double confidence) {
        return of(a, b, confidence, 0);
    }

    /**
     * The same with a known extra variance on the log scale ({@code extraLogVariance} ≥ 0: noise between the two
     * samples' sessions that neither sample shows, e.g. an endpoint's drift between checks measured by A/A checks). It
     * is added to the delta-method variance and counts as known in the Welch–Satterthwaite degrees of freedom (it
     * adds to the numerator only).
     */
    public static RatioOfMeans of(double[] a, double[] b, double confidence, double extraLogVariance) {
        if (!(extraLogVariance >= 0) || Double.isInfinite(extraLogVariance)) {
            throw new IllegalArgumentException("the extra variance must be finite and at least 0, got "
                    + extraLogVariance);
        }
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 values, got " + a.length + " and "
                    + b.length);
        }
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be within (0, 1), got " + confidence);
        }
        Summary x = Summary.of(a);
        Summary y = Summary.of(b);
        if (!(x.mean() > 0 && y.mean() > 0)) {
            throw new IllegalArgumentException("both means must be above 0, got " + x.mean() + " and " + y.mean());
        }
        double va = x.stdDev() * x.stdDev() / (a.length * x.mean() * x.mean());
        double vb = y.stdDev() * y.stdDev() / (b.length * y.mean() * y.mean());
        double logRatio = Math.log(x.mean() / y.mean());
        double se = Math.sqrt(va + vb + extraLogVariance);
        double sampled = va * va / (a.length - 1) + vb * vb / (b.length - 1);
        double df = se == 0 || sampled == 0 ? Double.POSITIVE_INFINITY : se * se * se * se / sampled;
        double critical = se == 0 ? 0 : Double.isInfinite(df)
                ? new NormalDistribution().inverseCumulativeProbability(1 - (1 - confidence) / 2)
                : new TDistribution(df).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return new RatioOfMeans((Math.exp(logRatio) - 1) * 100, (Math.exp(logRatio - critical * se) - 1) * 100,
                (Math.exp(logRatio + critical * se) - 1) * 100, df, se);
    }

    /** (mean(a) / mean(b) − 1) × 100. */
    public double changePct() {
        return changePct;
    }

    public double ciLowPct() {
        return ciLowPct;
    }

    public double ciHighPct() {
        return ciHighPct;
    }

    /** The standard error of the log ratio (extra variance included). */
    public double logStandardError() {
        return logStandardError;
    }

    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }
}
