package org.chimerabench.stats;

/** Input checks shared by the statistics classes: every method rejects bad input with a clear message. */
final class Samples {

    private Samples() {
    }

    static double[] requireFinite(double[] values, String what, int minimumSize) {
        if (values == null) {
            throw new IllegalArgumentException(what + ": no values given (null)");
        }
        if (values.length < minimumSize) {
            throw new IllegalArgumentException(what + " needs at least " + minimumSize
                    + (minimumSize == 1 ? " value" : " values") + ", got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + ": value #" + (i + 1) + " is " + values[i]
                        + " (only finite numbers are allowed)");
            }
        }
        return values;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        // second pass corrects the rounding error of the first (as NumPy's pairwise sum would, roughly)
        double correction = 0;
        for (double v : values) {
            correction += v - mean;
        }
        return mean + correction / values.length;
    }

    /** Sample variance with n−1 in the denominator (two-pass). */
    static double variance(double[] values, double mean) {
        double squares = 0;
        double sum = 0;
        for (double v : values) {
            double d = v - mean;
            squares += d * d;
            sum += d;
        }
        int n = values.length;
        return (squares - sum * sum / n) / (n - 1);
    }
}
