package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 24: the baseline arm really measures Ollama's defaults. Asked of the server, not of what the client meant to
 * send: a fake Ollama that keeps the loaded placement for a request without num_gpu (ollama-api.md §8.3) says which
 * placement each request ran on and counts its loads.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class BaselinePlacementTest {

    static final String NUM_GPU_ONLY = """
            {"name":"num_gpu only","endpoints":["%s"],"model":"m:latest",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_gpu":[14,28]},"repetitions":3,"warmups":1,"maxTokens":16,"order":"%s"}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    LiveMonitorService monitor;

    @ParameterizedTest(name = "{0} order")
    @ValueSource(strings = {"AS_DEFINED", "BLOCKED"})
    void aNumGpuSweepMeasuresTheBaselineOnOllamasDefaultPlacement(String order) throws Exception {
        try (FakeOllama fake = FakeOllama.start().placement("m:latest", 28, 2_000_000_000L)) {
            String endpoint = "placement-" + order.toLowerCase();
            endpoints.add(endpoint, fake.baseUrl(), null);
            String definition = NUM_GPU_ONLY.formatted(endpoint, order);
            long previewed = sweeps.plannedLoads(json.readValue(definition, SweepDefinition.class)).orElseThrow()
                    .loads(); // what the editor's preview shows while the sweep is defined
            long id = create(definition);
            long plannedLoads = rest().body(mvc.perform(get("/api/sweeps/" + id))).at("/plannedLoads/loads").asLong();
            assertThat(plannedLoads).isEqualTo(previewed);
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            rest().awaitStatus(id, "FINISHED", 120);

            // what the server ran: every request without num_gpu (the baseline) on the default placement, 28 layers
            List<FakeOllama.Ran> ran = fake.ran();
            assertThat(ran).filteredOn(r -> !r.options().containsKey("num_gpu")).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.gpuLayers()).as("a baseline request ran on %s", r).isEqualTo(28));
            assertThat(ran).filteredOn(r -> Integer.valueOf(14).equals(r.options().get("num_gpu")))
                    .allSatisfy(r -> assertThat(r.gpuLayers()).isEqualTo(14));
            assertThat(fake.loads()).as("the loads the sweep's plan announced are the loads the server made")
                    .isEqualTo(plannedLoads);
            assertThat(plannedLoads).isEqualTo(order.equals("BLOCKED") ? 8 : 12);

            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            assertThat(calls).hasSize(16); // 2 configurations × 2 arms × (3 repetitions + 1 warm-up)
            for (JsonNode call : calls) {
                if (call.get("arm").asText().equals("BASELINE")) {
                    assertThat(call.get("gpuOffloadPct").asDouble()).as("stored placement of a baseline call")
                            .isEqualTo(100.0);
                }
                assertThat(call.get("disturbance").isNull()).isTrue();
            }

            JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")));
            Map<Integer, JsonNode> byGpu = byNumGpu(analysis);
            double baseline14 = byGpu.get(14).get("baselineTokPerSec").asDouble();
            double baseline28 = byGpu.get(28).get("baselineTokPerSec").asDouble();
            assertThat(baseline14).as("one baseline across configurations").isCloseTo(baseline28,
                    within(baseline28 * 0.02));
            assertThat(baseline28).isBetween(110.0, 130.0); // all 28 layers on the GPU: ~120 tok/s
            assertThat(byGpu.get(14).get("deltaPct").asDouble()).as("half the layers on the CPU")
                    .isLessThan(-60);
            assertThat(byGpu.get(28).get("deltaPct").asDouble()).isBetween(-2.0, 2.0);
            assertThat(analysis.at("/verdict/outcome").asText()).isNotEqualTo("INVALID");
            assertThat(analysis.at("/verdict/validity/checkable").asBoolean()).isTrue();
            assertThat(analysis.at("/verdict/validity/problems")).isEmpty();
        }
    }

    @Test
    void aPlacementChangedByAnotherClientMidSweepIsDisturbedRunAgainAndListed() throws Exception {
        try (FakeOllama fake = FakeOllama.start().placement("m:latest", 28, 2_000_000_000L)
                .disturbAfter(6, Map.of("num_gpu", 7))) {
            endpoints.add("placement-shared", fake.baseUrl(), null);
            long id = create(NUM_GPU_ONLY.formatted("placement-shared", "AS_DEFINED"));
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            rest().awaitStatus(id, "FINISHED", 120);
            assertThat(fake.otherClientLoads()).isEqualTo(1);

            JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
            List<JsonNode> disturbed = new ArrayList<>();
            Map<String, Integer> measured = new HashMap<>();
            for (JsonNode call : calls) {
                if (!call.get("disturbance").isNull()) {
                    disturbed.add(call);
                } else if (!call.get("warmup").asBoolean()) {
                    measured.merge(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                            + call.get("repetition"), 1, Integer::sum);
                }
            }
            // the other client loads right after the 6th request (tuned arm, repetition 1): that call's /api/ps
            // after it no longer matches the one before it, and the next one pays a load nobody planned
            assertThat(disturbed).as("the calls around the other client's load").hasSizeBetween(1, 2)
                    .allSatisfy(call -> assertThat(call.get("disturbance").asText()).contains("another client"));
            assertThat(calls).as("16 planned + the disturbed ones run again").hasSize(16 + disturbed.size());
            assertThat(measured).as("every trial has its one undisturbed call: the disturbed one was run again")
                    .hasSize(12).allSatisfy((trial, count) -> assertThat(count).isEqualTo(1));
            assertThat(fake.ran()).filteredOn(r -> !r.options().containsKey("num_gpu"))
                    .filteredOn(r -> r.gpuLayers() != 28).as("only the other client's placement differed")
                    .hasSizeLessThanOrEqualTo(1);

            assertThat(monitor.snapshot(id).orElseThrow().disturbed()).as("the live monitor lists them")
                    .hasSize(disturbed.size()).allSatisfy(d -> assertThat(d.error()).contains("another client"));

            JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")));
            assertThat(analysis.at("/verdict/outcome").asText()).isNotEqualTo("INVALID");
            assertThat(analysis.at("/verdict/validity/disturbed")).hasSize(disturbed.size());
            assertThat(analysis.at("/verdict/validity/disturbed/0").asText()).contains("num_gpu=14");
            Map<Integer, JsonNode> byGpu = byNumGpu(analysis);
            assertThat(byGpu.get(14).get("baselineTokPerSec").asDouble()).isCloseTo(
                    byGpu.get(28).get("baselineTokPerSec").asDouble(), within(3.0));
            assertThat(byGpu.get(14).get("deltaPct").asDouble()).isLessThan(-60);
        }
    }

    @Test
    void theSameSweepOnTheBuiltInSimulatorHasTheSameShape() throws Exception {
        long id = create(NUM_GPU_ONLY.formatted("Built-in simulator", "AS_DEFINED").replace("m:latest",
                "llama3.2-sim:3b"));
        long plannedLoads = rest().body(mvc.perform(get("/api/sweeps/" + id))).at("/plannedLoads/loads").asLong();
        assertThat(plannedLoads).isEqualTo(12);
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest().awaitStatus(id, "FINISHED", 120);
        JsonNode calls = rest().body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        for (JsonNode call : calls) {
            if (call.get("arm").asText().equals("BASELINE")) {
                assertThat(call.get("gpuOffloadPct").asDouble()).as("the simulator's default placement: all layers")
                        .isEqualTo(100.0);
            }
        }
        JsonNode analysis = rest().body(mvc.perform(get("/api/sweeps/" + id + "/analysis")));
        Map<Integer, JsonNode> byGpu = byNumGpu(analysis);
        double baseline28 = byGpu.get(28).get("baselineTokPerSec").asDouble();
        assertThat(byGpu.get(14).get("baselineTokPerSec").asDouble()).isCloseTo(baseline28, within(baseline28 * 0.05));
        assertThat(byGpu.get(14).get("deltaPct").asDouble()).as("half the layers on the CPU, not +0.0 %%")
                .isLessThan(-50);
        assertThat(analysis.at("/verdict/validity/problems")).isEmpty();
        assertThat(analysis.at("/verdict/validity/loads").asInt()).as("loads paid by warm-ups are not stored")
                .isZero();
    }

    static Map<Integer, JsonNode> byNumGpu(JsonNode analysis) {
        Map<Integer, JsonNode> byGpu = new HashMap<>();
        analysis.get("configurationResults").forEach(r -> byGpu.put(r.at("/options/num_gpu").asInt(), r));
        assertThat(byGpu).containsOnlyKeys(14, 28);
        return byGpu;
    }

    private long create(String definition) throws Exception {
        return rest().body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(definition))
                .andExpect(status().isCreated())).get("id").asLong();
    }

    private RestSweeps rest() {
        return new RestSweeps(mvc, json);
    }
}
