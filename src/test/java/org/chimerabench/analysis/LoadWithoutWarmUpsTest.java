package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.support.TimingSensitive;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A load sweep without warm-ups on the simulator at real speed (aggregate throughput is wall-clock: at a small time
 * scale a few ms of scheduling on a busy machine would outweigh what is measured). With the load left out, both arms
 * at concurrency 1 agree; with it counted, the baseline's first batch (a 1.2 s load) read a third of the chimera's.
 */
@TimingSensitive
@SpringBootTest(properties = {"chimera.simulator.time-scale=1.0", "chimera.simulator.parallel-slots=4"})
@AutoConfigureMockMvc
@AsAdmin
class LoadWithoutWarmUpsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    /**
     * Issue 24: without warm-ups the baseline's first batch pays the model load. It is marked and left out, so at
     * concurrency 1 both arms (the same options) measure the same throughput, and no efficiency exceeds 1.
     */
    @Test
    void withoutWarmUpsTheLoadIsLeftOutAndNoEfficiencyExceedsOne() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"concurrency without warm-ups","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"concurrency":[1,4]},"repetitions":2,"warmups":0,"maxTokens":48}"""))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 120);

        JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        long paid = 0;
        for (JsonNode call : calls) {
            paid += call.get("reloadReason").isNull() ? 0 : 1;
        }
        assertThat(paid).as("the first batch (one call at concurrency 1) paid the first load").isEqualTo(1);
        JsonNode analysis = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        Map<Integer, JsonNode> byLevel = new HashMap<>();
        analysis.get("byLoad").forEach(load -> byLevel.put(load.get("level").asInt(), load));
        double baseline = byLevel.get(1).at("/baseline/aggregateTokPerSec").asDouble();
        double chimera = byLevel.get(1).at("/chimera/aggregateTokPerSec").asDouble();
        assertThat(baseline).as("same options, same throughput at concurrency 1")
                .isCloseTo(chimera, org.assertj.core.api.Assertions.within(chimera * 0.10));
        for (JsonNode load : analysis.get("byLoad")) {
            for (String arm : new String[] {"baseline", "chimera"}) {
                JsonNode efficiency = load.at("/" + arm + "/parallelEfficiency");
                if (!efficiency.isNull()) {
                    assertThat(efficiency.asDouble()).as(arm + " at " + load.get("level")).isLessThanOrEqualTo(1.0);
                }
            }
        }
        assertThat(analysis.at("/verdict/validity/loads").asInt()).isEqualTo(1);
    }
}
