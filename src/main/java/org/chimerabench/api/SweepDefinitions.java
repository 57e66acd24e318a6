package org.chimerabench.api;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepValidationException;

/** Reads a sweep definition from JSON strictly: an unknown or mistyped field is a field error, not ignored. */
final class SweepDefinitions {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    private static final Set<String> FIELDS = Arrays.stream(SweepDefinition.class.getRecordComponents())
            .map(c -> c.getName()).collect(Collectors.toSet());

    private SweepDefinitions() {
    }

    static SweepDefinition read(JsonNode body) {
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
            return STRICT.treeToValue(body, SweepDefinition.class);
        } catch (MismatchedInputException e) {
            String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName()
                    : String.valueOf(r.getIndex())).collect(Collectors.joining("."));
            throw new SweepValidationException(Map.of(field.isEmpty() ? "definition" : field,
                    "Wrong type for '" + field + "': " + e.getOriginalMessage().lines().findFirst().orElse("")));
        } catch (IOException e) {
            throw new SweepValidationException(Map.of("definition", "Not a sweep definition: " + e.getMessage()));
        }
    }
}
