package org.chimerabench.stats;

import org.apache.commons.math3.special.Erf;

/**
 * One change point in a series of measurements that each come with a known variance (e.g. a run of benchmark checks,
 * each a % change with its squared standard error). Every split k = 1 … n−1 is tried: the series is cut into
 * {@code values[0..k)} and {@code values[k..n)}, each side is summarised by its inverse-variance weighted mean
 * (weights w = 1 / variance, sums W), and the shift is standardised, z = (mean after − mean before) / √(1/W before +
 * 1/W after). The split with the largest |z| wins (the first one on ties). Its two-sided normal p-value is
 * Bonferroni-adjusted over the n−1 splits that were tried: min(1, (n−1) · 2 · (1 − Φ(|z|))), and a change is
 * {@linkplain #found() found} when that is below alpha.
 *
 * <p>Because the points are weighted, one very uncertain measurement cannot fake a change on its own, as it could
 * with plain means. With fewer than 2 points there is no split: {@link #found()} is false, {@link #index()} −1,
 * {@link #z()} and {@link #shift()} 0, {@link #pValue()} 1, and both means are the weighted mean of the series (the
 * single value, or NaN for an empty series).
 */
public final class ChangePoint {

    private final boolean found;
    private final int index;
    private final double meanBefore;
    private final double meanAfter;
    private final double z;
    private final double pValue;

    private ChangePoint(boolean found, int index, double meanBefore, double meanAfter, double z, double pValue) {
        this.found = found;
        this.index = index;
        this.meanBefore = meanBefore;
        this.meanAfter = meanAfter;
        this.z = z;
        this.pValue = pValue;
    }

    /**
     * The best single change point of {@code values}, whose i-th value has the known variance {@code variances[i]},
     * judged at level {@code alpha}. The arrays are not changed.
     *
     * @throws IllegalArgumentException for a null array, arrays of different lengths, a value that is NaN or
     *                                  infinite, a variance that is not finite and above 0 (or so small that its
     *                                  inverse overflows), an alpha outside (0, 1), or values and weights too large to
     *                                  be summed in a double
     */
    public static ChangePoint find(double[] values, double[] variances, double alpha) {
        Samples.requireFinite(values, "change point values", 0);
        if (variances == null) {
            throw new IllegalArgumentException("change point variances: no values given (null)");
        }
        if (values.length != variances.length) {
            throw new IllegalArgumentException("change point: " + values.length + " values but " + variances.length
                    + " variances (one per value is needed)");
        }
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be within (0, 1), got " + alpha);
        }
        int n = values.length;
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            double variance = variances[i];
            if (!(variance > 0) || !Double.isFinite(variance)) {
                throw new IllegalArgumentException("change point: variance #" + (i + 1) + " is " + variance
                        + " (each variance must be finite and above 0)");
            }
            weights[i] = 1 / variance;
            if (!Double.isFinite(weights[i])) {
                throw new IllegalArgumentException("change point: variance #" + (i + 1) + " is " + variance
                        + ", too small: its inverse overflows");
            }
        }
        if (n < 2) {
            double mean = n == 0 ? Double.NaN : values[0];
            return new ChangePoint(false, -1, mean, mean, 0, 1);
        }

        // running sums from the left (points 0..k) and from the right (points k..n−1), so that neither side is
        // obtained by subtracting from a total
        double[] leftWeight = new double[n];
        double[] leftWeighted = new double[n];
        double[] rightWeight = new double[n];
        double[] rightWeighted = new double[n];
        for (int i = 0; i < n; i++) {
            leftWeight[i] = weights[i] + (i > 0 ? leftWeight[i - 1] : 0);
            leftWeighted[i] = weights[i] * values[i] + (i > 0 ? leftWeighted[i - 1] : 0);
        }
        for (int i = n - 1; i >= 0; i--) {
            rightWeight[i] = weights[i] + (i < n - 1 ? rightWeight[i + 1] : 0);
            rightWeighted[i] = weights[i] * values[i] + (i < n - 1 ? rightWeighted[i + 1] : 0);
        }

        int best = -1;
        double bestZ = 0;
        double bestBefore = Double.NaN;
        double bestAfter = Double.NaN;
        for (int k = 1; k < n; k++) {
            double weightBefore = leftWeight[k - 1];
            double weightAfter = rightWeight[k];
            double before = leftWeighted[k - 1] / weightBefore;
            double after = rightWeighted[k] / weightAfter;
            double zk = (after - before) / Math.sqrt(1 / weightBefore + 1 / weightAfter);
            if (!Double.isFinite(zk)) {
                throw new IllegalArgumentException("change point: the values and weights are too large to be summed"
                        + " (the split at index " + k + " gives z = " + zk + ")");
            }
            if (best < 0 || Math.abs(zk) > Math.abs(bestZ)) {
                best = k;
                bestZ = zk;
                bestBefore = before;
                bestAfter = after;
            }
        }
        double tail = 0.5 * Erf.erfc(Math.abs(bestZ) / Math.sqrt(2)); // 1 − Φ(|z|), without cancellation
        double adjusted = Math.min(1.0, (n - 1) * 2 * tail);
        return new ChangePoint(adjusted < alpha, best, bestBefore, bestAfter, bestZ, adjusted);
    }

    /** Whether the adjusted {@link #pValue()} is below alpha. */
    public boolean found() {
        return found;
    }

    /** The first index of the segment after the change, 1 … n−1, of the best split (found or not); −1 when n &lt; 2. */
    public int index() {
        return index;
    }

    /** {@link #meanAfter()} − {@link #meanBefore()} at the best split; 0 when n &lt; 2. */
    public double shift() {
        return index < 0 ? 0 : meanAfter - meanBefore;
    }

    /** The standardised shift at the best split, {@code shift / √(1/W before + 1/W after)}; 0 when n &lt; 2. */
    public double z() {
        return z;
    }

    /** Two-sided normal p-value of {@link #z()}, Bonferroni-adjusted over the n−1 splits and capped at 1. */
    public double pValue() {
        return pValue;
    }

    /** Inverse-variance weighted mean of {@code values[0..index)}. */
    public double meanBefore() {
        return meanBefore;
    }

    /** Inverse-variance weighted mean of {@code values[index..n)}. */
    public double meanAfter() {
        return meanAfter;
    }
}
