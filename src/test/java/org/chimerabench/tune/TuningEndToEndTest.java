package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A tuning end to end on a simulated 8 GiB card, where qwen3-sim:8b does not fit whole: Ollama's own fit leaves
 * speed on the table, explicit placements above the card spill (slower) and further up fail to load. The tuning must
 * probe, leave the placements that fail as infeasible with the server's message, race, refine, confirm against the
 * defaults, and recommend a configuration within 1 % of the simulator's noise-free optimum — in stages the user can
 * open as sweeps, within its budget.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class TuningEndToEndTest {

    static final String MODEL = "qwen3-sim:8b";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;

    @Test
    void aModelThatDoesNotFitWholeIsTunedWithinItsBudgetAndConfirmed() throws Exception {
        try (OllamaSimulator card = OllamaSimulator.start(InetAddress.getLoopbackAddress(), 0, 7, 0.005, 4, 8, 8)) {
            endpoints.add("tune-8gib", card.baseUrl(), null);
            RestSweeps rest = new RestSweeps(mvc, json);
            long id = rest.body(mvc.perform(post("/api/tunings").contentType(MediaType.APPLICATION_JSON).content("""
                    {"endpoint":"tune-8gib","model":"qwen3-sim:8b","objective":"THROUGHPUT",
                     "budget":{"calls":1500}}""")).andExpect(status().isCreated())).get("id").asLong();

            JsonNode tuning = await().atMost(Duration.ofMinutes(5)).pollInSameThread().pollInterval(Duration.ofMillis(500))
                    .until(() -> rest.body(mvc.perform(get("/api/tunings/" + id))),
                            t -> !t.get("status").asText().equals("QUEUED")
                                    && !t.get("status").asText().equals("RUNNING"));
            assertThat(tuning.get("status").asText()).as(tuning.path("message").asText()).isEqualTo("FINISHED");

            List<String> stages = new ArrayList<>();
            tuning.get("stages").forEach(s -> stages.add(s.get("name").asText()));
            assertThat(stages.get(0)).isEqualTo("Coarse race");
            assertThat(stages).last().isEqualTo("Confirmation");
            assertThat(stages).contains("Refinement 1");
            tuning.get("stages").forEach(s -> assertThat(sweeps.read(s.get("sweepId").asLong()).orElseThrow()
                    .getStatus().name()).as("each stage is a finished sweep the user can open").isEqualTo("FINISHED"));

            assertThat(tuning.get("infeasible")).as("placements beyond the card are infeasible, not slow")
                    .isNotEmpty();
            tuning.get("infeasible").forEach(x -> assertThat(x.get("reason").asText())
                    .contains("cudaMalloc failed: out of memory"));
            assertThat(tuning.get("callsUsed").asLong()).isPositive().isLessThanOrEqualTo(1500);

            JsonNode answer = tuning.get("answer");
            Map<String, Object> options = json.convertValue(answer.get("options"), Map.class);
            double best = trueOptimum(card, tuning.get("space").get("axes"));
            double recommended = card.expectedDecodeTokPerSec(MODEL, options);
            assertThat(recommended).as("the recommendation %s is within 1 %% of the optimum", options)
                    .isGreaterThanOrEqualTo(0.99 * best);
            double truth = (recommended / card.expectedDecodeTokPerSec(MODEL, Map.of()) - 1) * 100;
            assertThat(answer.get("outcome").asText()).isEqualTo("BETTER");
            assertThat(truth).as("the confirmed gain's 95 %% interval holds the true gain")
                    .isBetween(answer.get("ci95Low").asDouble(), answer.get("ci95High").asDouble());
            assertThat(answer.get("gainPct").asDouble()).isBetween(answer.get("ci95Low").asDouble(),
                    answer.get("ci95High").asDouble());
            assertThat(answer.get("modelfile").asText()).startsWith("FROM qwen3-sim:8b\n")
                    .contains("PARAMETER num_gpu " + options.get("num_gpu"));
            assertThat(json.convertValue(answer.get("apiOptions"), Map.class)).isEqualTo(options);
            assertThat(answer.get("whatMattered")).isNotEmpty();
            assertThat(answer.get("whatMattered").get(0).get("option").asText()).isIn("num_gpu", "num_thread",
                    "num_batch");
        }
    }

    /** The best noise-free decode rate over every configuration of the space that loads. */
    static double trueOptimum(OllamaSimulator card, JsonNode axes) {
        List<SearchSpace.Axis> parsed = new ArrayList<>();
        axes.forEach(a -> {
            List<Integer> values = new ArrayList<>();
            a.get("values").forEach(v -> values.add(v.asInt()));
            parsed.add(new SearchSpace.Axis(a.get("option").asText(), values, ""));
        });
        double best = 0;
        for (Map<String, Object> options : Grid.product(parsed)) {
            try {
                best = Math.max(best, card.expectedDecodeTokPerSec(MODEL, options));
            } catch (IllegalArgumentException doesNotLoad) {
                // infeasible
            }
        }
        return best;
    }
}
