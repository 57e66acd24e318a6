package org.chimerabench.support;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A sweep of 4 configurations × 3 repetitions started on a fleet of two fake endpoints, {@code <prefix>-a} and
 * {@code <prefix>-b} (each call ≈ 60 ms). Close it to stop the fakes.
 */
public final class FleetSweep implements AutoCloseable {

    public final FakeOllama a = FakeOllama.start();
    public final FakeOllama b = FakeOllama.start();
    public final long id;

    public FleetSweep(MockMvc mvc, ObjectMapper json, EndpointService endpoints, String prefix) throws Exception {
        a.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(60)).chunk("a").done());
        b.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(60)).chunk("b").done());
        endpoints.add(prefix + "-a", a.baseUrl(), null);
        endpoints.add(prefix + "-b", b.baseUrl(), null);
        RestSweeps rest = new RestSweeps(mvc, json);
        id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(
                "{\"name\":\"fleet\",\"endpoints\":[\"" + prefix + "-a\",\"" + prefix + "-b\"],\"model\":\"m\","
                        + "\"workload\":{\"type\":\"SINGLE_PROMPT\",\"prompt\":\"hi\"},"
                        + "\"axes\":{\"temperature\":[0.5,0.6,0.7,0.8]},\"repetitions\":3,\"maxTokens\":8}"))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }
}
