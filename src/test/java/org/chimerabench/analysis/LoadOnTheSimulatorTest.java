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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Concurrency 1, 4 and 8 on the simulator's 4 parallel slots: more streams serve more tokens a second in all but
 * each stream decodes slower, and beyond the slots requests queue, so the first token comes later (the analysis JSON's
 * {@code byLoad}).
 */
@SpringBootTest(properties = {"chimera.simulator.time-scale=0.1", "chimera.simulator.parallel-slots=4"})
@AutoConfigureMockMvc
@AsAdmin
class LoadOnTheSimulatorTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    @Test
    void moreStreamsServeMoreInAllEachSlowerAndBeyondTheSlotsTheyQueue() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content("""
                {"name":"concurrency on the simulator","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"concurrency":[1,4,8]},"repetitions":2,"warmups":1,"maxTokens":32}"""))
                .andExpect(status().isCreated())).get("id").asLong();
        assertThat(rest.body(mvc.perform(get("/api/sweeps/" + id))).at("/progress/total").asInt())
                .as("(1 + 4 + 8) calls × 2 arms × (2 repetitions + 1 warm-up)").isEqualTo(78);
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 120);

        JsonNode analysis = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        Map<Integer, JsonNode> byLevel = new HashMap<>();
        for (JsonNode load : analysis.get("byLoad")) {
            assertThat(load.get("load").asText()).isEqualTo("concurrency");
            byLevel.put(load.get("level").asInt(), load);
        }
        assertThat(byLevel).containsOnlyKeys(1, 4, 8);
        for (String arm : new String[] {"baseline", "chimera"}) {
            JsonNode one = byLevel.get(1).get(arm);
            JsonNode four = byLevel.get(4).get(arm);
            JsonNode eight = byLevel.get(8).get(arm);
            assertThat(four.get("aggregateTokPerSec").asDouble()).as(arm + ": 4 streams serve more tokens a second")
                    .isGreaterThan(one.get("aggregateTokPerSec").asDouble());
            assertThat(four.get("perStreamDecodeTokPerSec").asDouble()).as(arm + ": each of 4 decodes slower")
                    .isLessThan(one.get("perStreamDecodeTokPerSec").asDouble());
            assertThat(eight.get("ttftP95Ms").asDouble()).as(arm + ": beyond the 4 slots requests queue")
                    .isGreaterThan(four.get("ttftP95Ms").asDouble());
            assertThat(eight.get("queueMsMean").asDouble()).isGreaterThan(four.get("queueMsMean").asDouble());
            assertThat(four.get("parallelEfficiency").asDouble()).as(arm + ": sub-linear").isBetween(0.2, 1.0);
            assertThat(one.get("parallelEfficiency").asDouble()).isEqualTo(1.0);
        }
        String report = mvc.perform(get("/api/sweeps/" + id + "/report.md")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(report).contains("### Under load").contains("| the sweep's options | concurrency 4 | chimera | ")
                .contains("efficiency = aggregate ÷ (N × the aggregate of the same options at concurrency 1)");
    }

    /**
     * Issue 24: the README's load example (num_gpu 20 and 28 × concurrency 1–8) measured its baseline on the
     * placement num_gpu=20 had loaded (71 % on the GPU, 43 tok/s instead of ~115). Run as the README gives it: every
     * baseline call on Ollama's default placement, and one baseline throughput beside both num_gpu values.
     */
    @Test
    void theReadmesLoadExampleMeasuresItsBaselineOnTheDefaults() throws Exception {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        int name = readme.indexOf("\"how many agents can one GPU serve?\"");
        String example = readme.substring(readme.lastIndexOf('{', name), readme.indexOf("\n}", name) + 2);
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(example))
                .andExpect(status().isCreated())).get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 240);

        JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        for (JsonNode call : calls) {
            if (call.get("arm").asText().equals("BASELINE")) {
                assertThat(call.get("gpuOffloadPct").asDouble()).as("baseline call %s", call.get("id"))
                        .isEqualTo(100.0);
            }
        }
        JsonNode analysis = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        Map<Integer, Double> baselineAtOne = new HashMap<>();
        for (JsonNode load : analysis.get("byLoad")) {
            if (load.get("level").asInt() == 1) {
                baselineAtOne.put(load.at("/options/num_gpu").asInt(), load.at("/baseline/perStreamDecodeTokPerSec")
                        .asDouble());
            }
        }
        assertThat(baselineAtOne).containsOnlyKeys(20, 28);
        assertThat(baselineAtOne.get(20)).as("one baseline beside num_gpu=20 and 28")
                .isCloseTo(baselineAtOne.get(28), org.assertj.core.api.Assertions.within(baselineAtOne.get(28) * 0.05));
        assertThat(analysis.at("/verdict/validity/problems")).isEmpty();
    }
}
