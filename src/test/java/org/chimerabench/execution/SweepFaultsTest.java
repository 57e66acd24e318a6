package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

/** Faults from the scriptable fake during a sweep: retries, FAILED calls with reasons, the failure threshold. */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class SweepFaultsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void retriesThenStoresAFailedCallAndContinues() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS)
                    // trial 1: the server is briefly down, then answers (2 retries allowed)
                    .enqueue(FakeScript.status(503, "{\"error\":\"server busy, please try again.  maximum pending"
                            + " requests exceeded\"}"))
                    .enqueue(FakeScript.status(500, "{\"error\":\"llama-server process has terminated\"}"))
                    .enqueue(FakeScript.stream("m").chunk("ok").done())
                    // trial 2: breaks mid-stream every time → stored FAILED with the reason
                    .enqueue(FakeScript.stream("m").chunk("a").errorLine("an error was encountered while running"
                            + " the model: unexpected EOF"))
                    .enqueue(FakeScript.stream("m").chunk("a").errorLine("an error was encountered while running"
                            + " the model: unexpected EOF"))
                    .enqueue(FakeScript.stream("m").chunk("a").errorLine("an error was encountered while running"
                            + " the model: unexpected EOF"));
            endpoints.add("flaky-box", fake.baseUrl(), null);
            long id = run(definition("flaky-box", 1));
            JsonNode sweep = rest().awaitStatus(id, "FINISHED", 60);
            assertThat(sweep.get("statusMessage").asText()).isEqualTo("1 trial(s) failed and are excluded");
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(4);
            assertThat(calls.get(0).get("status").asText()).isEqualTo("OK");
            assertThat(calls.get(1).get("status").asText()).isEqualTo("FAILED");
            assertThat(calls.get(1).get("error").asText()).contains("unexpected EOF");
            assertThat(fake.requestBodies()).hasSize(3 + 3 + 2);
        }
    }

    @Test
    void aSweepAboveTheFailureThresholdStopsAsFailedWithTheReason() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.status(500,
                    "{\"error\":\"llama-server reported out-of-memory during startup\"}"));
            endpoints.add("broken-box", fake.baseUrl(), null);
            long id = run(definition("broken-box", 4));
            JsonNode sweep = rest().awaitStatus(id, "FAILED", 60);
            assertThat(sweep.get("statusMessage").asText()).contains("4 of 4 trials failed")
                    .contains("out-of-memory during startup");
            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(4).allSatisfy(c -> assertThat(c.get("status").asText()).isEqualTo("FAILED"));
        }
    }

    private static String definition(String endpoint, int repetitions) {
        return "{\"name\":\"faults\",\"endpoints\":[\"" + endpoint + "\"],\"model\":\"m\",\"workload\":{\"type\":"
                + "\"SINGLE_PROMPT\",\"prompt\":\"hi\"},\"axes\":{\"temperature\":[0.6,0.8]},\"repetitions\":"
                + repetitions + ",\"maxTokens\":8}";
    }

    private long run(String definition) throws Exception {
        long id = rest().body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(definition))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        return id;
    }

    private RestSweeps rest() {
        return new RestSweeps(mvc, json);
    }
}
