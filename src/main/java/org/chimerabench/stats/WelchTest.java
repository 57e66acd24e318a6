package org.chimerabench.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance two-sample t-test of mean(a) − mean(b), with Welch–Satterthwaite degrees of
 * freedom. Equivalent to SciPy's {@code ttest_ind(a, b, equal_var=False)} and R's
 * {@code t.test(a, b, var.equal = FALSE)}.
 */
public final class WelchTest {

    private final double meanA;
    private final double meanB;
    private final double tStatistic;
    private final double degreesOfFreedom;
    private final double pValueTwoSided;
    private final double pValueLess;

    private WelchTest(double[] a, double[] b) {
        this.meanA = Samples.mean(a);
        this.meanB = Samples.mean(b);
        double varianceA = Samples.variance(a, meanA) / a.length;
        double varianceB = Samples.variance(b, meanB) / b.length;
        double standardError = Math.sqrt(varianceA + varianceB);
        if (standardError == 0) {
            throw new IllegalArgumentException("Welch test: both samples have zero variance,"
                    + " so the t statistic is undefined");
        }
        this.tStatistic = (meanA - meanB) / standardError;
        this.degreesOfFreedom = (varianceA + varianceB) * (varianceA + varianceB)
                / (varianceA * varianceA / (a.length - 1) + varianceB * varianceB / (b.length - 1));
        TDistribution t = new TDistribution(null, degreesOfFreedom);
        this.pValueTwoSided = Math.min(1.0, 2.0 * t.cumulativeProbability(-Math.abs(tStatistic)));
        this.pValueLess = t.cumulativeProbability(tStatistic);
    }

    /** @throws IllegalArgumentException when a sample has fewer than 2 values, a non-finite value, or both have zero variance */
    public static WelchTest of(double[] a, double[] b) {
        Samples.requireFinite(a, "Welch test, sample A", 2);
        Samples.requireFinite(b, "Welch test, sample B", 2);
        return new WelchTest(a, b);
    }

    public double meanA() {
        return meanA;
    }

    public double meanB() {
        return meanB;
    }

    /** mean(A) − mean(B). */
    public double difference() {
        return meanA - meanB;
    }

    public double tStatistic() {
        return tStatistic;
    }

    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    public double pValueTwoSided() {
        return pValueTwoSided;
    }

    /** The p-value of the alternative mean(A) &lt; mean(B) ({@code ttest_ind(a, b, equal_var=False, alternative='less')}). */
    public double pValueLess() {
        return pValueLess;
    }
}
