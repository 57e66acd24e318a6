package org.chimerabench.analysis;

import org.chimerabench.stats.OneSampleTTest;

/**
 * Sweep-level one-sample t-test of per-configuration values against 0, with the t-based 95 % CI.
 * Fields are null (and {@code note} says why) when the test is undefined: fewer than 2 configurations
 * or all values equal.
 */
public record MeanTest(int n, Double mean, Double stdDev, Double ci95Low, Double ci95High,
                       Double tStatistic, Double pValueTwoSided, Double pValueOneSided, String note) {

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
