package org.chimerabench.analysis;

import java.math.BigDecimal;
import org.chimerabench.base.Numbers;
import org.chimerabench.stats.OneSampleTTest;

/**
 * Sweep-level one-sample t-test of per-configuration values against 0, with the t-based 95 % CI.
 * Fields are null (and {@code note} says why) when the test is undefined: fewer than 2 configurations
 * or all values equal.
 */
public record MeanTest(int n, Double mean, Double stdDev, Double ci95Low, Double ci95High,
                       Double tStatistic, Double pValueTwoSided, Double pValueOneSided, String note) {

    /**
     * The test in one sentence, with digits suited to the interval, e.g. "Mean +0.14 % (95 % CI −0.02 to +0.29),
     * t(17) = 1.89, p = 0.077 (two-sided): not significant at α = 0.05."
     */
    public String verdict(double alpha, String unit) {
        if (tStatistic == null) {
            return "No t-test: " + (note == null ? "not enough data" : note) + ".";
        }
        boolean significant = pValueTwoSided < alpha;
        int decimals = Numbers.decimalsFor((ci95High - ci95Low) / 2);
        return "Mean " + Numbers.signed(mean, decimals) + unit + " (95 % CI "
                + Numbers.interval(ci95Low, ci95High, decimals) + "), t(" + (n - 1) + ") = "
                + Numbers.number(tStatistic, 2) + ", " + Numbers.pEquals("p", pValueTwoSided) + " (two-sided): "
                + (significant ? (mean > 0 ? "significantly above 0" : "significantly below 0") : "not significant")
                + " at α = " + BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString() + ".";
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
