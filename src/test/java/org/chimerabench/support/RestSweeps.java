package org.chimerabench.support;

import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Waits on sweeps through the REST API, as a client script would. */
public record RestSweeps(MockMvc mvc, ObjectMapper json) {

    /** Polls GET /api/sweeps/{id} until the status is reached; fails with the last answer after the timeout. */
    public JsonNode awaitStatus(long id, String wanted, int seconds) throws Exception {
        AtomicReference<JsonNode> sweep = new AtomicReference<>();
        try {
            await("sweep " + id + " " + wanted).atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(50))
                    .pollInSameThread().until(() -> {
                        sweep.set(body(mvc.perform(get("/api/sweeps/" + id))));
                        return wanted.equals(sweep.get().get("status").asText());
                    });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("sweep " + id + " did not reach " + wanted + ": " + sweep.get(), e);
        }
        return sweep.get();
    }

    /**
     * A small sweep run to the end on the built-in simulator, as a signed-in operator would through the API (two
     * temperatures, one repetition, 8 tokens): its id.
     */
    public long finishedOnSimulator(String name) throws Exception {
        long id = body(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .post("/api/sweeps").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("name", name, "endpoints",
                        java.util.List.of("Built-in simulator"), "model", "llama3.2-sim:3b", "workload",
                        java.util.Map.of("type", "SINGLE_PROMPT", "prompt", "hi"), "axes",
                        java.util.Map.of("temperature", java.util.List.of(0.5, 0.7)), "repetitions", 1,
                        "maxTokens", 8))))).get("id").asLong();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/sweeps/" + id
                + "/start"));
        awaitStatus(id, "FINISHED", 60);
        return id;
    }

    public JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
