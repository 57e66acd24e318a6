package org.chimerabench.base;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ollama options as stored (JSON object text) and shown. Key order is kept, so the same options always
 * serialise to the same text (the database relies on that for unique configurations).
 */
public final class OptionsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Object>> LIST = new TypeReference<>() {
    };

    private OptionsJson() {
    }

    public static String write(Map<String, Object> options) {
        try {
            return MAPPER.writeValueAsString(options == null ? Map.of() : options);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("options cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static Map<String, Object> read(String json) {
        if (json == null || json.isBlank()) {
            return Collections.emptyMap();
        }
        try {
            return Collections.unmodifiableMap(MAPPER.readValue(json, MAP));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored options are not a JSON object: " + json, e);
        }
    }

    public static String writeList(List<Object> values) {
        try {
            return MAPPER.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("values cannot be written as JSON", e);
        }
    }

    public static List<Object> readList(String json) {
        try {
            return Collections.unmodifiableList(MAPPER.readValue(json, LIST));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored values are not a JSON array: " + json, e);
        }
    }

    /** Display form of one option value: 60, 0.6, 1024 (no trailing zeros, no exponent). */
    public static String format(Object value) {
        if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
            BigDecimal decimal = new BigDecimal(value.toString()).stripTrailingZeros();
            return decimal.scale() < 0 ? decimal.setScale(0).toPlainString() : decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** "num_gpu=60 · num_ctx=256 · temperature=0.6" */
    public static String describe(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        options.forEach((name, value) -> {
            if (!text.isEmpty()) {
                text.append(" · ");
            }
            text.append(name).append('=').append(format(value));
        });
        return text.toString();
    }

    /** {@link #describe}, or "—" when there are no options to describe (null). */
    public static String describeOrNone(Map<String, Object> options) {
        return options == null ? Numbers.NONE : describe(options);
    }

    /** Short label for charts: 60/1024/0.8 */
    public static String shortLabel(Map<String, Object> options) {
        StringBuilder text = new StringBuilder();
        options.values().forEach(v -> {
            if (!text.isEmpty()) {
                text.append('/');
            }
            text.append(format(v));
        });
        return text.toString();
    }
}
