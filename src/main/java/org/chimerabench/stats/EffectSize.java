package org.chimerabench.stats;

/** Standardised effect sizes. */
public final class EffectSize {

    private EffectSize() {
    }

    /**
     * Cohen's d of A − B with the pooled standard deviation
     * s = √(((n_A−1)s_A² + (n_B−1)s_B²) / (n_A + n_B − 2)).
     *
     * @throws IllegalArgumentException for samples of fewer than 2 values, non-finite values, or a pooled SD of 0
     */
    public static double cohensD(double[] a, double[] b) {
        Samples.requireFinite(a, "Cohen's d, sample A", 2);
        Samples.requireFinite(b, "Cohen's d, sample B", 2);
        double meanA = Samples.mean(a);
        double meanB = Samples.mean(b);
        double pooledVariance = ((a.length - 1) * Samples.variance(a, meanA) + (b.length - 1) * Samples.variance(b, meanB))
                / (a.length + b.length - 2);
        if (pooledVariance == 0) {
            throw new IllegalArgumentException("Cohen's d: both samples have zero variance, so d is undefined");
        }
        return (meanA - meanB) / Math.sqrt(pooledVariance);
    }
}
