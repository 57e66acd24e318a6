package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Bench;
import org.chimerabench.support.RestSweeps;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Racing against fixed repetitions on the simulator, with its noise-free truth (OllamaSimulator
 * .expectedDecodeTokPerSec): for each of {@link #SEEDS} seeds and two grids, one race and one sweep fixed at the
 * race's maxRepetitions, each on its own simulator of that seed. Prints the calls ratio, how often each picks the
 * true best configuration (or one within 0.5 % of it), and how often a configuration truly faster than its baseline
 * is called significantly slower. Run: {@code ./mvnw -B verify -Pbench -Dtest=RaceBenchmarkTest}.
 */
@Tag("bench")
@SpringBootTest(properties = {"db-scheduler.threads=4",
        "spring.datasource.url=jdbc:h2:mem:race-bench-${random.uuid};DB_CLOSE_DELAY=-1"})
@AutoConfigureMockMvc
@AsAdmin
class RaceBenchmarkTest {

    static final int SEEDS = 20;
    static final double TIME_SCALE = 0.002;
    static final String MODEL = "llama3.2-sim:3b";
    static final String ADAPTIVE = "{\"objective\":\"CHIMERA_DECODE_TOK_PER_SEC\",\"minRepetitions\":2,"
            + "\"maxRepetitions\":10,\"targetCiHalfWidthPct\":2.0,\"eliminate\":true,\"confidence\":0.95}";

    /** 3 × 3 × 2 with one clear winner (num_gpu 28 at the smallest context; temperature changes nothing). */
    static final Grid CLEAR = new Grid("clear", "{\"num_gpu\":[12,20,28],\"num_ctx\":[2048,4096,8192],"
            + "\"temperature\":[0.6,0.8]}", Map.of("num_gpu", 24));
    /** 4 × 4 near-ties: contexts 2048–2432 cost 0–0.37 % of decode speed; temperature nothing. */
    static final Grid NEAR_TIES = new Grid("near-ties", "{\"num_ctx\":[2048,2176,2304,2432],"
            + "\"temperature\":[0.2,0.4,0.6,0.8]}", Map.of("num_ctx", 2304));

    record Grid(String name, String axes, Map<String, Object> baseline) {
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    EndpointService endpoints;
    @Autowired
    AnalysisService analysis;

    @Test
    void racingSavesCallsAndPicksTheRightLeader() throws Exception {
        long[] pooled = new long[7]; // race calls, fixed calls, race correct, fixed correct, truly better, wrong signs
        for (Grid grid : List.of(CLEAR, NEAR_TIES)) {
            long raceCalls = 0;
            long fixedCalls = 0;
            int raceCorrect = 0;
            int fixedCorrect = 0;
            int raceExact = 0;
            int fixedExact = 0;
            int trulyBetter = 0;
            int raceWrongSign = 0;
            int fixedWrongSign = 0;
            for (int seed = 1; seed <= SEEDS; seed++) {
                try (OllamaSimulator raceBox = OllamaSimulator.start(0, seed, TIME_SCALE);
                     OllamaSimulator fixedBox = OllamaSimulator.start(0, seed, TIME_SCALE)) {
                    String suffix = grid.name() + "-" + seed;
                    endpoints.add("race-" + suffix, raceBox.baseUrl(), null);
                    endpoints.add("fixed-" + suffix, fixedBox.baseUrl(), null);
                    long race = start(grid, "race-" + suffix, "\"adaptive\":" + ADAPTIVE);
                    long fixed = start(grid, "fixed-" + suffix, "\"repetitions\":10");
                    RestSweeps rest = new RestSweeps(mvc, json);
                    rest.awaitStatus(race, "FINISHED", 600);
                    rest.awaitStatus(fixed, "FINISHED", 600);
                    SweepAnalysis raced = analysis.analyse(race).orElseThrow();
                    SweepAnalysis full = analysis.analyse(fixed).orElseThrow();
                    raceCalls += raced.adaptive().callsUsed();
                    fixedCalls += raced.adaptive().callsIfFixedAtMax();
                    double best = full.configurationResults().stream()
                            .mapToDouble(r -> raceBox.expectedDecodeTokPerSec(MODEL, r.options())).max().orElseThrow();
                    ConfigurationResult raceLeader = raced.configurationResults().stream()
                            .filter(r -> r.configurationId() == raced.adaptive().leaderConfigurationId())
                            .findFirst().orElseThrow();
                    ConfigurationResult fixedLeader = full.configurationResults().stream()
                            .max(java.util.Comparator.comparingDouble(r -> r.throughput().chimeraTokPerSec()))
                            .orElseThrow();
                    raceCorrect += truth(raceBox, raceLeader) >= 0.995 * best ? 1 : 0;
                    fixedCorrect += truth(raceBox, fixedLeader) >= 0.995 * best ? 1 : 0;
                    // the true best exactly (temperature changes nothing, so several configurations share it)
                    raceExact += truth(raceBox, raceLeader) >= best * (1 - 1e-12) ? 1 : 0;
                    fixedExact += truth(raceBox, fixedLeader) >= best * (1 - 1e-12) ? 1 : 0;
                    double baselineTruth = raceBox.expectedDecodeTokPerSec(MODEL, grid.baseline());
                    for (int i = 0; i < raced.configurationResults().size(); i++) {
                        ConfigurationResult r = raced.configurationResults().get(i);
                        if (truth(raceBox, r) > baselineTruth) {
                            trulyBetter++;
                            raceWrongSign += calledSlower(r) ? 1 : 0;
                            fixedWrongSign += calledSlower(full.configurationResults().get(i)) ? 1 : 0;
                        }
                    }
                }
            }
            String prefix = "race_" + grid.name().replace('-', '_') + "_";
            Bench.print(prefix + "calls_ratio", (double) raceCalls / fixedCalls, "x", 3);
            Bench.print(prefix + "race_calls", raceCalls, "calls", 0);
            Bench.print(prefix + "fixed_calls", fixedCalls, "calls", 0);
            Bench.print(prefix + "correct_leader_pct", 100.0 * raceCorrect / SEEDS, "%");
            Bench.print(prefix + "fixed_correct_leader_pct", 100.0 * fixedCorrect / SEEDS, "%");
            Bench.print(prefix + "exact_best_pct", 100.0 * raceExact / SEEDS, "%");
            Bench.print(prefix + "fixed_exact_best_pct", 100.0 * fixedExact / SEEDS, "%");
            Bench.print(prefix + "wrong_sign_pct", trulyBetter == 0 ? 0 : 100.0 * raceWrongSign / trulyBetter, "%");
            Bench.print(prefix + "fixed_wrong_sign_pct", trulyBetter == 0 ? 0 : 100.0 * fixedWrongSign / trulyBetter,
                    "%");
            Bench.print(prefix + "truly_better_configurations", trulyBetter, "configurations", 0);
            assertThat(raceCalls).isPositive();
            long[] add = {raceCalls, fixedCalls, raceCorrect, fixedCorrect, trulyBetter, raceWrongSign, fixedWrongSign};
            for (int i = 0; i < pooled.length; i++) {
                pooled[i] += add[i];
            }
        }
        // both grids pooled, under the names the issue gives
        Bench.print("race_calls_ratio", (double) pooled[0] / pooled[1], "x", 3);
        Bench.print("race_correct_leader_pct", 100.0 * pooled[2] / (2 * SEEDS), "%");
        Bench.print("fixed_correct_leader_pct", 100.0 * pooled[3] / (2 * SEEDS), "%");
        Bench.print("race_wrong_sign_pct", 100.0 * pooled[5] / pooled[4], "%");
        Bench.print("fixed_wrong_sign_pct", 100.0 * pooled[6] / pooled[4], "%");
    }

    private long start(Grid grid, String endpoint, String repetitions) throws Exception {
        String definition = """
                {"name":"%s","endpoints":["%s"],"model":"%s",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":%s,"baselineOptions":%s,"maxTokens":32,%s}""".formatted(endpoint, endpoint, MODEL,
                grid.axes(), json.writeValueAsString(grid.baseline()), repetitions);
        long id = new RestSweeps(mvc, json).body(mvc.perform(post("/api/sweeps")
                .contentType(MediaType.APPLICATION_JSON).content(definition)).andExpect(status().isCreated()))
                .get("id").asLong();
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        return id;
    }

    private static double truth(OllamaSimulator box, ConfigurationResult result) {
        return box.expectedDecodeTokPerSec(MODEL, result.options());
    }

    /** Called significantly slower than its baseline: Δ < 0 with q < 0.05. */
    private static boolean calledSlower(ConfigurationResult result) {
        return result.throughput().deltaPct() < 0 && result.significance().qValue() != null
                && result.significance().qValue() < 0.05;
    }
}
