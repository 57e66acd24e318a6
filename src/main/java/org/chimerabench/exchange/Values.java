package org.chimerabench.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Checks on imported numbers; every failure names the file and where the value is. */
final class Values {

    /** Options the seed's chimera arm always sends; they become the sweep's fixed options, not axes. */
    static final Set<String> SEED_FIXED_OPTIONS = Set.of("top_p", "top_k", "repeat_penalty");

    static final Map<String, Object> SEED_FIXED_DEFAULTS = seedFixedDefaults();

    private Values() {
    }

    private static Map<String, Object> seedFixedDefaults() {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("top_p", 0.9);
        fixed.put("top_k", 40);
        fixed.put("repeat_penalty", 1.1);
        return fixed;
    }

    static double number(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new ImportException(where + " is empty (a number is required)");
        }
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new ImportException(where + ": '" + text + "' is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new ImportException(where + ": '" + text + "' is not a number");
        }
    }

    static int wholeNumber(String text, String where) {
        double value = number(text, where);
        if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
            throw new ImportException(where + ": '" + text + "' is not a whole number");
        }
        return (int) value;
    }

    static double throughput(double value, String where) {
        if (value <= 0) {
            throw new ImportException(where + ": throughput must be greater than 0 tok/s, got " + value);
        }
        return value;
    }

    static double nonNegative(double value, String where) {
        if (value < 0) {
            throw new ImportException(where + ": must not be negative, got " + value);
        }
        return value;
    }

    /** A required numeric JSON field. */
    static double number(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new ImportException(where + ": field '" + field + "' is missing");
        }
        if (!node.isNumber()) {
            throw new ImportException(where + ": field '" + field + "' is not a number (" + node + ")");
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            throw new ImportException(where + ": field '" + field + "' is not finite");
        }
        return value;
    }

    /** An optional numeric JSON field: null when absent. */
    static Double optionalNumber(JsonNode parent, String field, String where) {
        JsonNode node = parent == null ? null : parent.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        return nonNegative(number(parent, field, where), where + " '" + field + "'");
    }

    /**
     * An option value as sent to Ollama: whole numbers as integers; a fraction that is a 32-bit float widened
     * to double (the Rust agent serialises f32: 0.800000011920929) becomes the decimal it was written as (0.8).
     */
    static Object optionValue(JsonNode node, String where) {
        if (!node.isNumber()) {
            throw new ImportException(where + ": option value " + node + " is not a number");
        }
        double value = node.asDouble();
        if (!Double.isFinite(value)) {
            throw new ImportException(where + ": option value is not finite");
        }
        if (value == Math.rint(value) && Math.abs(value) < Integer.MAX_VALUE && node.isIntegralNumber()) {
            return (int) value;
        }
        float single = (float) value;
        if (Math.abs(value - (double) single) <= Math.ulp(value)) {
            return Double.parseDouble(Float.toString(single));
        }
        return value;
    }
}
