package org.chimerabench.stats;

import java.util.Arrays;

/**
 * Descriptive summary of one sample: n, mean, sample standard deviation (n−1), CV %, min, Q1, median, Q3,
 * p95, max. Quantiles use linear interpolation (NumPy default, R type 7).
 * <p>With a single value the spread is undefined: {@link #stdDev()} and {@link #cvPct()} are {@code NaN}
 * and {@link #hasSpread()} is false. CV % is also {@code NaN} when the mean is 0.
 */
public final class Summary {

    private final int n;
    private final double mean;
    private final double stdDev;
    private final double min;
    private final double q1;
    private final double median;
    private final double q3;
    private final double p95;
    private final double max;

    private Summary(double[] sorted) {
        this.n = sorted.length;
        this.mean = Samples.mean(sorted);
        this.stdDev = n > 1 ? Math.sqrt(Samples.variance(sorted, mean)) : Double.NaN;
        this.min = sorted[0];
        this.max = sorted[n - 1];
        this.q1 = Quantiles.ofSorted(sorted, 0.25);
        this.median = Quantiles.ofSorted(sorted, 0.5);
        this.q3 = Quantiles.ofSorted(sorted, 0.75);
        this.p95 = Quantiles.ofSorted(sorted, 0.95);
    }

    /** Summarises the values (not modified). Rejects an empty array and non-finite values. */
    public static Summary of(double... values) {
        Samples.requireFinite(values, "summary", 1);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return new Summary(sorted);
    }

    public int n() {
        return n;
    }

    public double mean() {
        return mean;
    }

    /** Sample standard deviation (denominator n−1); {@code NaN} for n = 1. */
    public double stdDev() {
        return stdDev;
    }

    /** Coefficient of variation in percent: SD / |mean| × 100; {@code NaN} for n = 1 or mean 0. */
    public double cvPct() {
        return mean == 0 ? Double.NaN : stdDev / Math.abs(mean) * 100.0;
    }

    public boolean hasSpread() {
        return n > 1;
    }

    public double min() {
        return min;
    }

    public double q1() {
        return q1;
    }

    public double median() {
        return median;
    }

    public double q3() {
        return q3;
    }

    public double p95() {
        return p95;
    }

    public double max() {
        return max;
    }

    @Override
    public String toString() {
        return "Summary[n=" + n + ", mean=" + mean + ", sd=" + stdDev + ", min=" + min + ", median=" + median
                + ", max=" + max + "]";
    }
}
