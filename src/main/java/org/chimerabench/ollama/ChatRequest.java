package org.chimerabench.ollama;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** Body of {@code POST /api/chat}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatRequest(String model, List<Message> messages, Map<String, Object> options, Boolean stream,
                          Object think, @JsonProperty("keep_alive") Object keepAlive) {

    public record Message(String role, String content) {
    }

    public static ChatRequest of(String model, List<Message> messages, Map<String, Object> options) {
        return new ChatRequest(model, messages, options == null || options.isEmpty() ? null : options, true, null,
                null);
    }
}
