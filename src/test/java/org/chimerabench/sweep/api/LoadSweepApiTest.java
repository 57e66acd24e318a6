package org.chimerabench.sweep.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
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

/** The load fields through REST: planned calls scale with the batches; each wrong field a 400, nothing stored. */
@SpringBootTest
@AutoConfigureMockMvc
@AsOperator
class LoadSweepApiTest {

    static final String SWEEP = """
            {"name":"load","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Hi"},%s}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SweepService sweeps;

    @Test
    void theCallsPlannedCountEveryCallOfEveryBatch() throws Exception {
        assertThat(total(SWEEP.formatted("\"axes\":{\"num_gpu\":[14,28],\"concurrency\":[1,2,4]},\"repetitions\":2")))
                .as("2 × (1 + 2 + 4) calls × 2 arms × 2 repetitions").isEqualTo(56);
        assertThat(total(SWEEP.formatted("\"axes\":{\"num_gpu\":[14,28]},\"concurrency\":4,\"warmups\":1")))
                .as("2 configurations × 4 × 2 arms × (1 + 1 warm-up)").isEqualTo(32);
        assertThat(total(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"requestRate\":2.5")))
                .as("8 requests a batch × 2 arms").isEqualTo(16);
    }

    @Test
    void wrongLoadFieldsAreRefusedFieldByFieldAndNothingIsStored() throws Exception {
        long before = sweeps.count();
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"concurrency\":0"), "concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"concurrency\":65"), "concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"concurrency\":2.5"), "concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"requestRate\":0"), "requestRate");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"concurrency\":2,\"requestRate\":1"), "requestRate");
        cases.put(SWEEP.formatted("\"axes\":{\"concurrency\":[1,2],\"requestRate\":[1,2]}"), "axes.requestRate");
        cases.put(SWEEP.formatted("\"axes\":{\"concurrency\":[1,2]},\"concurrency\":2"), "concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"concurrency\":[0,2]}"), "axes.concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"fixedOptions\":{\"concurrency\":4}"),
                "fixedOptions.concurrency");
        cases.put(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"baselineOptions\":{\"requestRate\":1}"),
                "baselineOptions.requestRate");
        for (Map.Entry<String, String> bad : cases.entrySet()) {
            MvcResult result = send(bad.getKey());
            assertThat(result.getResponse().getStatus()).as(bad.getKey()).isEqualTo(400);
            JsonNode fields = json.readTree(result.getResponse().getContentAsString()).get("fields");
            assertThat(fields.has(bad.getValue())).as(bad.getKey() + " → " + fields).isTrue();
            assertThat(fields.get(bad.getValue()).asText()).doesNotContain("Exception").isNotBlank();
        }
        assertThat(json.readTree(send(SWEEP.formatted("\"axes\":{\"num_gpu\":[14]},\"concurrency\":0"))
                .getResponse().getContentAsString()).at("/fields/concurrency").asText())
                .isEqualTo("Concurrency must be between 1 and 64, got 0");
        assertThat(sweeps.count()).as("nothing stored").isEqualTo(before);
    }

    private long total(String body) throws Exception {
        MvcResult created = send(body);
        assertThat(created.getResponse().getStatus()).as(created.getResponse().getContentAsString()).isEqualTo(201);
        long id = json.readTree(created.getResponse().getContentAsString()).get("id").asLong();
        return json.readTree(mvc.perform(get("/api/sweeps/" + id)).andReturn().getResponse().getContentAsString())
                .at("/progress/total").asLong();
    }

    private MvcResult send(String body) throws Exception {
        return mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }
}
