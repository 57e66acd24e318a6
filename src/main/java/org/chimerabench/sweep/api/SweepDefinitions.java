package org.chimerabench.sweep.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chimerabench.base.JsonErrors;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepValidationException;

/** Reads a sweep definition from JSON strictly: an unknown or mistyped field is a field error, not ignored. */
final class SweepDefinitions {

    private static final Set<String> FIELDS = Arrays.stream(SweepDefinition.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toSet());

    private SweepDefinitions() {
    }

    /** {@code json}: the API's strict mapper (configured in {@code api.ApiJson}). */
    static SweepDefinition read(JsonNode body, ObjectMapper json) {
        if (body == null || !body.isObject()) {
            throw new SweepValidationException(Map.of("definition", "The body must be a JSON object"));
        }
        Map<String, String> errors = new LinkedHashMap<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.put(name, "Unknown field '" + name + "'");
            }
        });
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        try {
            return json.treeToValue(body, SweepDefinition.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new SweepValidationException(JsonErrors.asFields(JsonErrors.describe(
                    e instanceof IllegalArgumentException && e.getCause() != null ? e.getCause() : e), "definition"));
        }
    }
}
