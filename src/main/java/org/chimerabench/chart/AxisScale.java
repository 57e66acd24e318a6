package org.chimerabench.chart;

/**
 * Round axis ticks ("nice numbers", Heckbert 1990): a step of 1, 2, 2.5 or 5 × 10^k, bounds on multiples of the
 * step that cover the data, at most {@code maxTicks} intervals, and the decimals the step needs. With
 * {@link #withZero} the range always contains 0, so a zero line can be drawn. −0.45…+1.09 → −0.5…+1.5 step 0.5.
 */
public record AxisScale(double min, double max, double step, int tickAmount, int decimals) {

    private static final double[] STEPS = {1, 2, 2.5, 5, 10};

    /**
     * @throws IllegalArgumentException for non-finite bounds, low &gt; high or fewer than 2 ticks
     */
    public static AxisScale of(double low, double high, int maxTicks) {
        if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
            throw new IllegalArgumentException("axis range must be finite with low ≤ high, got " + low + " … " + high);
        }
        if (maxTicks < 2) {
            throw new IllegalArgumentException("an axis needs at least 2 tick intervals, got " + maxTicks);
        }
        if (low == high) {
            double pad = low == 0 ? 1 : Math.abs(low) * 0.1;
            low -= pad;
            high += pad;
        }
        double raw = (high - low) / maxTicks;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        for (int attempt = 0; attempt < 3; attempt++) {
            for (double factor : STEPS) {
                double step = factor * magnitude;
                double min = Math.floor(low / step + 1e-9) * step;
                double max = Math.ceil(high / step - 1e-9) * step;
                int ticks = (int) Math.round((max - min) / step);
                if (ticks <= maxTicks) {
                    return new AxisScale(clean(min, step), clean(max, step), step, Math.max(ticks, 1), decimals(step));
                }
            }
            magnitude *= 10;
        }
        throw new IllegalStateException("no round step found for " + low + " … " + high);
    }

    /** The same as {@link #of} over a range stretched to contain 0. */
    public static AxisScale withZero(double low, double high, int maxTicks) {
        return of(Math.min(low, 0), Math.max(high, 0), maxTicks);
    }

    /** Decimals that show every tick of a step exactly: 0.25 → 2, 5 → 0. */
    static int decimals(double step) {
        for (int d = 0; d < 10; d++) {
            double scaled = step * Math.pow(10, d);
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1, scaled)) {
                return d;
            }
        }
        return 10;
    }

    /** Removes float noise (0.30000000000000004) and negative zero. */
    private static double clean(double value, double step) {
        double rounded = Math.rint(value / step) * step;
        double scale = Math.pow(10, decimals(step));
        double result = Math.rint(rounded * scale) / scale;
        return result == 0 ? 0.0 : result;
    }
}
