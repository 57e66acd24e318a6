package org.chimerabench.sweep.ui;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.chimerabench.base.OptionsJson;

/** Ollama options as the editor shows them: {@code top_p=0.9, top_k=40}. The validator checks names and ranges. */
final class OptionsText {

    private OptionsText() {
    }

    /**
     * Reads {@code name=value} pairs separated by commas; numbers and booleans become such, anything else stays
     * text (the validator then says what is wrong).
     *
     * @throws IllegalArgumentException when a pair has no {@code =}
     */
    static Map<String, Object> parse(String text) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return options;
        }
        for (String part : text.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            int equals = part.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("Write options as name=value, separated by commas (e.g. "
                        + "top_p=0.9, top_k=40); '" + part.strip() + "' has no value");
            }
            options.put(part.substring(0, equals).strip(), value(part.substring(equals + 1).strip()));
        }
        return options;
    }

    static String format(Map<String, Object> options) {
        return options == null ? "" : options.entrySet().stream()
                .map(e -> e.getKey() + "=" + OptionsJson.format(e.getValue())).collect(Collectors.joining(", "));
    }

    private static Object value(String text) {
        if (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(text);
        }
        try {
            BigDecimal value = new BigDecimal(text);
            return value.stripTrailingZeros().scale() <= 0 ? (Object) value.longValueExact() : value.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
    }
}
