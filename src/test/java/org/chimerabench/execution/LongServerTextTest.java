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

/**
 * Issue 25: a server that names the model in 300 characters in its replies. The store failed and with it the sweep
 * (a batch was lost); now the name is cut to fit its column, as a long done_reason is, and the sweep finishes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class LongServerTextTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;

    @Test
    void aThreeHundredCharacterModelNameIsCutToFitAndTheSweepFinishes() throws Exception {
        String longName = "m".repeat(300);
        try (FakeOllama fake = FakeOllama.start()) {
            fake.tags(FakeOllama.ONE_MODEL_TAGS).whenIdle(() -> FakeScript.stream(longName).chunk("Hi").done());
            endpoints.add("long-names", fake.baseUrl(), null);
            RestSweeps rest = new RestSweeps(mvc, json);
            long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                    {"name":"long names","endpoints":["long-names"],"model":"m",
                     "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"concurrency":[1,2]},
                     "repetitions":1,"maxTokens":8}""")).andExpect(status().isCreated())).get("id").asLong();
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            JsonNode sweep = rest.awaitStatus(id, "FINISHED", 60);
            assertThat(sweep.get("statusMessage").isNull()).as(sweep.toString()).isTrue();
            JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(6).allSatisfy(call -> {
                assertThat(call.get("status").asText()).isEqualTo("OK");
                assertThat(call.get("model").asText()).hasSize(200).startsWith("mmm").endsWith("…");
            });
        }
    }
}
