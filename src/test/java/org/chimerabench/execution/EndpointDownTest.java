package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.ollama.FakeScript;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The endpoint goes down in the middle of a call and stays down for a while (connections refused), then comes
 * back on the same port: the call is retried until it gets through, and the sweep finishes with every call OK.
 */
@SpringBootTest(properties = "chimera.execution.retries=6") // back-offs 0.2 + 0.4 + … + 1.2 s = 4.2 s of patience
@AutoConfigureMockMvc
@AsAdmin
class EndpointDownTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void aCallIsRetriedUntilTheEndpointIsBack() throws Exception {
        FakeOllama first = FakeOllama.start();
        first.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(400)).chunk("slow").done());
        int port = first.port();
        endpoints.add("flaky-host", first.baseUrl(), null);
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"down for a while","endpoints":["flaky-host"],"model":"m",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.7]},
                 "repetitions":2,"maxTokens":8}""")).andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());

        await("the first call is under way …").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(10))
                .until(() -> !first.requestBodies().isEmpty());
        first.close(); // … when the server dies: the stream breaks, then connections are refused
        Thread.sleep(1000); // the scenario: one second of outage (not a wait for anything; retries run meanwhile)
        try (FakeOllama back = FakeOllama.startOn(port)) {
            back.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream("m").chunk("ok").done());
            JsonNode sweep = rest.awaitStatus(id, "FINISHED", 60);
            assertThat(sweep.get("statusMessage").isNull()).as("no trial failed").isTrue();
            JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(4).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("OK"));
            assertThat(back.requestBodies()).as("the interrupted call and the rest went to the revived server")
                    .hasSize(4);
        }
    }
}
