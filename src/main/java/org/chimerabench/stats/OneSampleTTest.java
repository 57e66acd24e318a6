package org.chimerabench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * One-sample Student t-test of the mean against a hypothesised value μ₀, with the t-based confidence
 * interval mean ± t(1−α/2, n−1)·SD/√n. Equivalent to SciPy's {@code ttest_1samp} and R's {@code t.test}.
 * {@link #pValueOneSided()} is the p-value of the alternative "mean &gt; μ₀" (an improvement when the
 * sample is a list of Δ %).
 */
public final class OneSampleTTest {

    private final int n;
    private final double mean;
    private final double stdDev;
    private final double hypothesisedMean;
    private final double tStatistic;
    private final double pValueTwoSided;
    private final double pValueOneSided;
    private final double confidenceLevel;
    private final double ciLow;
    private final double ciHigh;

    private OneSampleTTest(double[] values, double mu0, double confidenceLevel) {
        this.n = values.length;
        this.mean = Samples.mean(values);
        this.stdDev = Math.sqrt(Samples.variance(values, mean));
        if (stdDev == 0) {
            throw new IllegalArgumentException("t-test: all " + n + " values are equal (zero variance),"
                    + " so the t statistic is undefined");
        }
        this.hypothesisedMean = mu0;
        this.confidenceLevel = confidenceLevel;
        double standardError = stdDev / Math.sqrt(n);
        this.tStatistic = (mean - mu0) / standardError;
        TDistribution t = new TDistribution(null, n - 1, 1e-15);
        this.pValueTwoSided = Math.min(1.0, 2.0 * t.cumulativeProbability(-Math.abs(tStatistic)));
        this.pValueOneSided = t.cumulativeProbability(-tStatistic);
        double critical = t.inverseCumulativeProbability(1.0 - (1.0 - confidenceLevel) / 2.0);
        this.ciLow = mean - critical * standardError;
        this.ciHigh = mean + critical * standardError;
    }

    /** Tests the mean of the values against 0 with a 95 % interval. */
    public static OneSampleTTest againstZero(double... values) {
        return of(values, 0.0, 0.95);
    }

    /**
     * @throws IllegalArgumentException for fewer than 2 values, non-finite values, zero variance, or a
     *                                  confidence level outside (0, 1)
     */
    public static OneSampleTTest of(double[] values, double hypothesisedMean, double confidenceLevel) {
        Samples.requireFinite(values, "one-sample t-test", 2);
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be within (0, 1), got " + confidenceLevel);
        }
        if (!Double.isFinite(hypothesisedMean)) {
            throw new IllegalArgumentException("hypothesised mean must be finite, got " + hypothesisedMean);
        }
        return new OneSampleTTest(values, hypothesisedMean, confidenceLevel);
    }

    public int n() {
        return n;
    }

    public double mean() {
        return mean;
    }

    public double stdDev() {
        return stdDev;
    }

    public double hypothesisedMean() {
        return hypothesisedMean;
    }

    public int degreesOfFreedom() {
        return n - 1;
    }

    public double tStatistic() {
        return tStatistic;
    }

    public double pValueTwoSided() {
        return pValueTwoSided;
    }

    /** p-value of the alternative "mean &gt; hypothesised mean". */
    public double pValueOneSided() {
        return pValueOneSided;
    }

    public double confidenceLevel() {
        return confidenceLevel;
    }

    public double ciLow() {
        return ciLow;
    }

    public double ciHigh() {
        return ciHigh;
    }
}
