package org.chimerabench.analysis.ui;

import java.util.Locale;
import java.util.Map;
import org.chimerabench.base.OptionsJson;

/** Number formats of the dashboard (display only; the analysis keeps full precision). */
final class Format {

    static final String NONE = "—";

    private Format() {
    }

    /** +0.138 % / −0.016 % */
    static String signedPct(Double value) {
        return value == null ? NONE : signed(value, 3) + " %";
    }

    static String signed(double value, int decimals) {
        String number = String.format(Locale.ROOT, "%." + decimals + "f", Math.abs(value));
        if (Double.parseDouble(number) == 0) {
            return number;
        }
        return (value > 0 ? "+" : "−") + number;
    }

    static String pct(Double value, int decimals) {
        return value == null ? NONE : String.format(Locale.ROOT, "%." + decimals + "f %%", value);
    }

    static String number(Double value, int decimals) {
        return value == null ? NONE : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String p(Double value) {
        if (value == null) {
            return NONE;
        }
        return value < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String options(Map<String, Object> options) {
        return options == null ? NONE : OptionsJson.describe(options);
    }

    /** Short label for charts: 60/1024/0.8 */
    static String shortOptions(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        options.values().forEach(v -> {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(OptionsJson.format(v));
        });
        return text.toString();
    }
}
