package org.chimerabench.analysis;

import java.math.BigDecimal;
import java.util.Locale;
import org.chimerabench.stats.OneSampleTTest;

/**
 * Sweep-level one-sample t-test of per-configuration values against 0, with the t-based 95 % CI.
 * Fields are null (and {@code note} says why) when the test is undefined: fewer than 2 configurations
 * or all values equal.
 */
public record MeanTest(int n, Double mean, Double stdDev, Double ci95Low, Double ci95High,
                       Double tStatistic, Double pValueTwoSided, Double pValueOneSided, String note) {

    /**
     * The test in one sentence, e.g. "Mean +0.138 % (95 % CI −0.016 to +0.292), t(17) = 1.89, p = 0.077:
     * not significant at α = 0.05."
     */
    public String verdict(double alpha, String unit) {
        if (tStatistic == null) {
            return "No t-test: " + (note == null ? "not enough data" : note) + ".";
        }
        boolean significant = pValueTwoSided < alpha;
        return String.format(Locale.ROOT, "Mean %s%s (95 %% CI %s to %s), t(%d) = %.2f, p = %s (two-sided):"
                        + " %s at α = %s.", signed(mean), unit, signed(ci95Low), signed(ci95High), n - 1, tStatistic,
                pValue(pValueTwoSided), significant ? (mean > 0 ? "significantly above 0" : "significantly below 0")
                        : "not significant", stripZeros(alpha));
    }

    static String signed(double value) {
        return (value >= 0 ? "+" : "−") + String.format(Locale.ROOT, "%.3f", Math.abs(value));
    }

    static String pValue(double p) {
        return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
    }

    private static String stripZeros(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    static MeanTest of(double[] values) {
        if (values.length == 0) {
            return new MeanTest(0, null, null, null, null, null, null, null, "no configurations measured");
        }
        try {
            OneSampleTTest t = OneSampleTTest.againstZero(values);
            return new MeanTest(t.n(), t.mean(), t.stdDev(), t.ciLow(), t.ciHigh(), t.tStatistic(),
                    t.pValueTwoSided(), t.pValueOneSided(), null);
        } catch (IllegalArgumentException undefined) {
            double mean = Distribution.of(values).mean();
            return new MeanTest(values.length, mean, values.length > 1 ? 0.0 : null, null, null, null, null, null,
                    undefined.getMessage());
        }
    }
}
