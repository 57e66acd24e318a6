package org.chimerabench.stats;

import java.util.Arrays;

/**
 * Quantiles by linear interpolation between order statistics: NumPy's default ({@code method="linear"})
 * and R's {@code type = 7}. For sorted x of size n and probability p, h = (n−1)·p and
 * Q(p) = x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]).
 */
public final class Quantiles {

    private Quantiles() {
    }

    /** The p-quantile (0 ≤ p ≤ 1) of the values, which need not be sorted and are not modified. */
    public static double of(double[] values, double p) {
        Samples.requireFinite(values, "quantile", 1);
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, p);
    }

    /** The p-quantile of values already sorted ascending. */
    public static double ofSorted(double[] sorted, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("quantile probability must be within [0, 1], got " + p);
        }
        if (sorted.length == 0) {
            throw new IllegalArgumentException("quantile needs at least 1 value, got 0");
        }
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        if (lower >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        double fraction = h - lower;
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower]);
    }
}
