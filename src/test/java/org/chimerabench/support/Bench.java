package org.chimerabench.support;

import java.util.Arrays;
import java.util.Locale;

/** The benchmarks' figures: printed as {@code BENCH <name>=<value> <unit>} lines, medians of repeated runs. */
public final class Bench {

    private Bench() {
    }

    public static void print(String name, double value, String unit) {
        print(name, value, unit, 1);
    }

    public static void print(String name, double value, String unit, int decimals) {
        System.out.printf(Locale.ROOT, "BENCH %s=%." + decimals + "f %s%n", name, value, unit);
    }

    public static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
