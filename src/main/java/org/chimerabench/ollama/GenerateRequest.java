package org.chimerabench.ollama;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * Body of {@code POST /api/generate}. {@code options} null = Ollama defaults (the BASELINE arm sends none).
 * {@code stream} is always true for measurements.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GenerateRequest(String model, String prompt, Map<String, Object> options, Boolean stream,
                              @JsonProperty("keep_alive") Object keepAlive) {

    public static GenerateRequest of(String model, String prompt, Map<String, Object> options) {
        return new GenerateRequest(model, prompt, options == null || options.isEmpty() ? null : options, true, null);
    }
}
