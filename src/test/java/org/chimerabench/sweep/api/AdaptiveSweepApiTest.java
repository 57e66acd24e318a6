package org.chimerabench.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.chimerabench.support.AsOperator;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Adaptive settings through REST: defaults when absent, each wrong field a 400 with its message, nothing stored. */
@SpringBootTest
@AutoConfigureMockMvc
@AsOperator
class AdaptiveSweepApiTest {

    static final String SWEEP = """
            {"name":"race","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Hi"},"axes":{"num_gpu":[14,28]},%s"adaptive":%s}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SweepService sweeps;

    @Test
    void absentFieldsTakeTheDocumentedDefaults() throws Exception {
        MvcResult created = send(SWEEP.formatted("", "{}"));
        assertThat(created.getResponse().getStatus()).isEqualTo(201);
        long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
        JsonNode sweep = json.readTree(mvc.perform(get("/api/sweeps/" + id)).andReturn().getResponse()
                .getContentAsString());
        JsonNode adaptive = sweep.at("/definition/adaptive");
        assertThat(adaptive.get("objective").asText()).isEqualTo("CHIMERA_DECODE_TOK_PER_SEC");
        assertThat(adaptive.get("minRepetitions").asInt()).isEqualTo(2);
        assertThat(adaptive.get("maxRepetitions").asInt()).isEqualTo(10);
        assertThat(adaptive.get("targetCiHalfWidthPct").asDouble()).isEqualTo(0.5);
        assertThat(adaptive.get("eliminate").asBoolean()).isTrue();
        assertThat(adaptive.get("confidence").asDouble()).isEqualTo(0.95);
        assertThat(sweep.at("/definition/repetitions").asInt()).as("at most").isEqualTo(10);
    }

    @Test
    void invalidSettingsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = sweeps.count();
        Map<String, String> cases = Map.of(
                SWEEP.formatted("", "{\"minRepetitions\":6,\"maxRepetitions\":4}"), "adaptive.maxRepetitions",
                SWEEP.formatted("", "{\"targetCiHalfWidthPct\":0}"), "adaptive.targetCiHalfWidthPct",
                SWEEP.formatted("", "{\"targetCiHalfWidthPct\":-0.5}"), "adaptive.targetCiHalfWidthPct",
                SWEEP.formatted("", "{\"objective\":\"FASTEST\"}"), "adaptive.objective",
                SWEEP.formatted("", "{\"confidence\":0.5}"), "adaptive.confidence",
                SWEEP.formatted("", "{\"confidence\":0.999}"), "adaptive.confidence",
                SWEEP.formatted("", "{\"minRepetitions\":1}"), "adaptive.minRepetitions",
                SWEEP.formatted("\"repetitions\":3,", "{}"), "repetitions");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            MvcResult result = send(bad.getKey());
            assertThat(result.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
            JsonNode fields = json.readTree(result.getResponse().getContentAsString()).get("fields");
            assertThat(fields.has(bad.getValue())).as(bad.getKey() + " → " + fields).isTrue();
            assertThat(fields.get(bad.getValue()).asText()).doesNotContain("Exception").isNotBlank();
        }
        JsonNode unknown = json.readTree(send(SWEEP.formatted("", "{\"rounds\":3}")).getResponse()
                .getContentAsString());
        assertThat(unknown.get("status").asInt()).as("an unknown field").isEqualTo(400);
        assertThat(sweeps.count()).as("nothing stored").isEqualTo(before);
    }

    private MvcResult send(String body) throws Exception {
        return mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }
}
