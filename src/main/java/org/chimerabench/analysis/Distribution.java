package org.chimerabench.analysis;

import org.chimerabench.stats.Summary;

/** Five-number summary plus mean, SD and CV % (quantiles: linear interpolation, NumPy default / R type 7). */
public record Distribution(int n, double min, double q1, double median, double q3, double max,
                           double mean, Double stdDev, Double cvPct) {

    static Distribution of(double[] values) {
        Summary s = Summary.of(values);
        return new Distribution(s.n(), s.min(), s.q1(), s.median(), s.q3(), s.max(), s.mean(),
                finiteOrNull(s.stdDev()), finiteOrNull(s.cvPct()));
    }

    static Distribution ofOrNull(double[] values) {
        return values.length == 0 ? null : of(values);
    }

    static Double finiteOrNull(double value) {
        return Double.isFinite(value) ? value : null;
    }
}
