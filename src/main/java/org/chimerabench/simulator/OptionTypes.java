package org.chimerabench.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Ollama's option types: a wrong type is HTTP 500 {@code option "k" must be of type …}; unknown keys are ignored. */
final class OptionTypes {

    private static final Set<String> INTEGERS = Set.of("num_ctx", "num_batch", "num_gpu", "num_thread", "main_gpu",
            "num_predict", "num_keep", "seed", "top_k", "repeat_last_n", "draft_num_predict");
    private static final Set<String> FLOATS = Set.of("temperature", "top_p", "min_p", "typical_p", "repeat_penalty",
            "presence_penalty", "frequency_penalty");

    private OptionTypes() {
    }

    static String firstInvalid(JsonNode options) {
        if (options == null || !options.isObject()) {
            return null;
        }
        for (var it = options.fields(); it.hasNext(); ) {
            var field = it.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (INTEGERS.contains(key) && !value.isNumber()) {
                return "option \"" + key + "\" must be of type integer";
            }
            if (FLOATS.contains(key) && !value.isNumber()) {
                return "option \"" + key + "\" must be of type float32";
            }
            if (key.equals("use_mmap") && !value.isBoolean()) {
                return "option \"use_mmap\" must be of type boolean";
            }
            if (key.equals("stop") && !value.isArray()) {
                return "option \"stop\" must be of type array";
            }
        }
        return null;
    }

    /** The options as Java values; integers truncated the way Go does (8192.0 → 8192). */
    static Map<String, Object> read(JsonNode options) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (options == null || !options.isObject()) {
            return values;
        }
        options.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (INTEGERS.contains(field.getKey()) && value.isNumber()) {
                values.put(field.getKey(), value.asInt());
            } else if (value.isNumber()) {
                values.put(field.getKey(), value.asDouble());
            } else if (value.isBoolean()) {
                values.put(field.getKey(), value.asBoolean());
            }
        });
        return values;
    }
}
