package org.chimerabench.base;

import java.util.Locale;

/**
 * Where numbers become text, for pages, reports and messages alike (display only; the analysis keeps full
 * precision). Missing values print as {@link #NONE}; the minus sign is the typographic one. Not here: durations
 * ({@code Durations}), and two race texts that keep their own sign rule for a value that rounds to zero — the race
 * chart's tooltips ({@code RaceRoundsChart}: "−0.00") and the live monitor's leader Δ ({@code RaceProgressText}:
 * "+0.00 %", "−0.00 %"), where {@link #signed(double, int)} prints "0.00".
 */
public final class Numbers {

    public static final String NONE = "—";

    private Numbers() {
    }

    /** +0.14 % / −0.02 % (two decimals: per-configuration Δ of single runs are noisier than that). */
    public static String signedPct(Double value) {
        return signedPct(value, 2);
    }

    /** +0.14 % / −0.02 %; a value that rounds to zero has no sign. */
    public static String signedPct(Double value, int decimals) {
        return value == null ? NONE : signed(value, decimals) + " %";
    }

    /** Like {@link #signed(double, int)}, {@link #NONE} for a missing value. */
    public static String signed(Double value, int decimals) {
        return value == null ? NONE : signed(value.doubleValue(), decimals);
    }

    /** +1.886 / −0.016; a value that rounds to zero has no sign. */
    public static String signed(double value, int decimals) {
        String number = fixed(Math.abs(value), decimals);
        if (Double.parseDouble(number) == 0) {
            return number;
        }
        return (value > 0 ? "+" : MINUS) + number;
    }

    /**
     * A confidence interval, "−0.02 to +0.29": each bound as {@link #signed(double, int)}, except that a bound that
     * rounds to zero gets the digits (up to three more) that keep its sign — "+0.04 to +4.2", not "0.0 to +4.2",
     * which reads as touching zero. {@link #NONE} without an interval.
     */
    public static String interval(Double low, Double high, int decimals) {
        if (low == null || high == null) {
            return NONE;
        }
        return bound(low, decimals) + " to " + bound(high, decimals);
    }

    private static String bound(double value, int decimals) {
        int digits = decimals;
        while (digits < decimals + 3 && value != 0 && Double.parseDouble(fixed(Math.abs(value), digits)) == 0) {
            digits++;
        }
        return signed(value, digits);
    }

    /** A moment as pages and messages say it: "2026-12-06 18:03:12 UTC"; {@link #NONE} when missing. */
    public static String dateTime(java.time.OffsetDateTime at) {
        return at == null ? NONE : at.atZoneSameInstant(java.time.ZoneOffset.UTC).format(
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT));
    }

    /** 72.2 % */
    public static String pct(Double value, int decimals) {
        return value == null ? NONE : fixed(value, decimals) + " %";
    }

    /** 99.394 */
    public static String number(Double value, int decimals) {
        return value == null ? NONE : fixed(value, decimals);
    }

    /** A p-value: 0.077, or "< 0.001". */
    public static String p(Double value) {
        if (value == null) {
            return NONE;
        }
        return value < 0.001 ? "< 0.001" : fixed(value, 3);
    }

    /** A p-value with its name: "p = 0.077", "p < 0.001" (never "p = < 0.001"). */
    public static String pEquals(String name, Double value) {
        if (value == null) {
            return name + " " + NONE;
        }
        return value < 0.001 ? name + " < 0.001" : name + " = " + fixed(value, 3);
    }

    /**
     * How many decimals a value deserves given its uncertainty (e.g. the half-width of its 95 % CI): two
     * significant digits of the uncertainty, between 0 and 3 decimals; 1 when the uncertainty is unknown.
     * ±0.154 → 2 (+0.14), ±2.08 → 1 (+2.1), ±19.9 → 0 (−9).
     */
    public static int decimalsFor(Double uncertainty) {
        if (uncertainty == null || !Double.isFinite(uncertainty)) {
            return 1;
        }
        if (uncertainty <= 0) {
            return 3;
        }
        int decimals = 1 - (int) Math.floor(Math.log10(uncertainty));
        return Math.max(0, Math.min(3, decimals));
    }

    /** A signed percentage with the digits its uncertainty allows: +0.14 % for +0.1376 ± 0.154. */
    public static String signedPctWithin(Double value, Double uncertainty) {
        return signedPct(value, decimalsFor(uncertainty));
    }

    /** A percentage magnitude without sign, with the digits its uncertainty allows: 2.1 % for −2.117 ± 2.08. */
    public static String magnitudePct(double value, Double uncertainty) {
        return fixed(Math.abs(value), decimalsFor(uncertainty)) + " %";
    }

    /**
     * A limit or a setting: whole numbers without decimals (999, not 999.0), others as they are, the typographic
     * minus (−1). Fields that take numbers accept both minus signs.
     */
    public static String plain(double value) {
        String text = value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value)
                : String.valueOf(value);
        return text.startsWith("-") ? MINUS + text.substring(1) : text;
    }

    /** Fixed decimals with the typographic minus; a value that rounds to zero has no sign ("0.00", not "−0.00"). */
    private static String fixed(double value, int decimals) {
        String text = String.format(Locale.ROOT, "%." + decimals + "f", value);
        if (text.startsWith("-")) {
            return Double.parseDouble(text) == 0 ? text.substring(1) : MINUS + text.substring(1);
        }
        return text;
    }

    /** The minus sign of every displayed number (U+2212); CSV and JSON keep the ASCII hyphen-minus. */
    public static final String MINUS = "−";
}
