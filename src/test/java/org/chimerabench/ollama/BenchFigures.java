package org.chimerabench.ollama;

import java.util.Arrays;
import java.util.Locale;
import org.chimerabench.stats.Quantiles;

/** Printing and summarising benchmark figures: {@code BENCH name=value unit} lines (README, "Benchmarks"). */
final class BenchFigures {

    private BenchFigures() {
    }

    static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s=%.3f %s%n", name, value, unit);
    }

    static double quantile(double[] values, double p) {
        return Quantiles.of(values, p);
    }

    static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }

    static double[] concat(double[] a, double[] b) {
        double[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    static long over(double[] values, double limit) {
        return Arrays.stream(values).filter(v -> v > limit).count();
    }
}
