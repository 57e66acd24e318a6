package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.LiveSnapshot;
import org.chimerabench.execution.RaceHistory;
import org.chimerabench.stats.Race;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.RestSweeps;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An adaptive sweep (a race) end to end on the built-in simulator: configurations far apart in num_gpu are
 * eliminated early, the rest run on; every configuration ends with a stop reason, repetitions differ, and the
 * analysis of the stored calls is the same as one computed independently here from the exported calls.
 */
@SpringBootTest
@AutoConfigureMockMvc
@AsAdmin
class RaceSweepTest {

    static final String RACE = """
            {"name":"race on the simulator","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_gpu":[4,12,20,28]},"maxTokens":24,"warmups":1,
             "adaptive":{"objective":"CHIMERA_DECODE_TOK_PER_SEC","minRepetitions":3,"maxRepetitions":8,
                         "targetCiHalfWidthPct":0.05,"eliminate":true,"confidence":0.95}}""";

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    SweepService sweeps;
    @Autowired
    AnalysisService analysis;
    @Autowired
    LiveMonitorService monitor;

    @Test
    void aRaceEndsWithUnequalRepetitionsAndAStopReasonForEveryConfiguration() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON).content(RACE))
                .andExpect(status().isCreated())).get("id").asLong();
        JsonNode created = rest.body(mvc.perform(get("/api/sweeps/" + id)));
        assertThat(created.at("/definition/adaptive/maxRepetitions").asInt()).isEqualTo(8);
        assertThat(created.at("/progress/total").asInt()).as("the worst case: 4 × 2 arms × (8 + 1 warm-up)").isEqualTo(72);
        mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
        rest.awaitStatus(id, "FINISHED", 120);

        List<Configuration> stopped = sweeps.read(id).orElseThrow().getConfigurations();
        assertThat(stopped).allSatisfy(c -> assertThat(c.getStopReason()).isNotNull());
        assertThat(stopped).extracting(Configuration::getStopReason).contains(Race.Stop.ELIMINATED);
        Configuration mostOffloaded = stopped.get(3); // num_gpu 28: every layer on the GPU, the fastest
        assertThat(mostOffloaded.getStopReason()).isNotEqualTo(Race.Stop.ELIMINATED);

        JsonNode calls = rest.body(mvc.perform(get("/api/sweeps/" + id + "/calls").accept("application/json")));
        Map<Long, Set<Integer>> repetitions = new HashMap<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode call : calls) {
            assertThat(keys.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition") + "/" + call.get("warmup"))).as("no trial twice").isTrue();
            repetitions.computeIfAbsent(call.get("configurationId").asLong(), c -> new HashSet<>())
                    .add(call.get("repetition").asInt());
        }
        for (Configuration configuration : stopped) {
            assertThat(repetitions.get(configuration.getId())).as("one repetition per round until it stopped")
                    .hasSize(configuration.getStoppedAtRound());
        }
        assertThat(new HashSet<>(repetitions.values().stream().map(Set::size).toList()))
                .as("unequal repetitions").hasSizeGreaterThan(1);
        assertThat(calls.size()).as("fewer calls than fixed at the maximum").isLessThan(72);
        assertThat(rest.body(mvc.perform(get("/api/sweeps/" + id))).at("/progress/total").asInt())
                .as("a finished race made all the calls it makes").isEqualTo(calls.size());

        // the analysis JSON: each configuration's standing, and what the race saved
        JsonNode json = rest.body(mvc.perform(get("/api/sweeps/" + id + "/analysis")).andExpect(status().isOk()));
        for (JsonNode configuration : json.get("configurationResults")) {
            Configuration stored = stopped.stream()
                    .filter(c -> c.getId() == configuration.get("configurationId").asLong()).findFirst().orElseThrow();
            assertThat(configuration.get("stopReason").asText()).isEqualTo(stored.getStopReason().name());
            assertThat(configuration.get("stoppedAtRound").asInt()).isEqualTo(stored.getStoppedAtRound());
            assertThat(configuration.get("repetitions").asInt()).isEqualTo(repetitions.get(stored.getId()).size());
        }
        JsonNode adaptive = json.get("adaptive");
        assertThat(adaptive.get("callsUsed").asInt()).isEqualTo(calls.size());
        assertThat(adaptive.get("callsIfFixedAtMax").asInt()).isEqualTo(72);
        assertThat(adaptive.get("savedPct").asDouble()).isCloseTo(100.0 * (72 - calls.size()) / 72, offset(1e-9));
        assertThat(adaptive.get("leaderConfigurationId").asLong()).isEqualTo(mostOffloaded.getId());
        assertThat(adaptive.get("leader").asText()).isEqualTo("num_gpu=28");
        assertThat(adaptive.get("sentence").asText()).startsWith("Leader num_gpu=28 at ")
                .endsWith("fewer calls than 8 repetitions each.");
        assertThat(adaptive.get("leaderSeparatedFrom").asInt()).isEqualTo((int) stopped.stream()
                .filter(c -> c.getStopReason() == Race.Stop.ELIMINATED).count());

        // round by round, as judged: each configuration races until its stop round and stops there, the set shrinks
        RaceHistory history = analysis.raceRounds(id).orElseThrow();
        int lastRound = stopped.stream().mapToInt(Configuration::getStoppedAtRound).max().orElseThrow();
        assertThat(history.rounds()).hasSize(lastRound);
        assertThat(history.roundInProgress()).as("nothing left to run").isNull();
        assertThat(history.racing()).isZero();
        List<Integer> raced = history.rounds().stream().map(RaceHistory.Round::raced).toList();
        assertThat(raced.get(0)).isEqualTo(4);
        for (int r = 1; r < raced.size(); r++) {
            assertThat(raced.get(r)).as("the racing set never grows").isLessThanOrEqualTo(raced.get(r - 1));
        }
        for (Configuration configuration : stopped) {
            for (RaceHistory.Round round : history.rounds()) {
                var entry = round.of(configuration.getId());
                assertThat(entry.isPresent()).as("configuration %s raced in round %s", configuration.getId(),
                        round.number()).isEqualTo(round.number() <= configuration.getStoppedAtRound());
                if (round.number() == configuration.getStoppedAtRound()) {
                    assertThat(entry.orElseThrow().stop()).isEqualTo(configuration.getStopReason());
                }
            }
        }
        RaceHistory.Round last = history.lastRound().orElseThrow();
        assertThat(last.leaderId()).isEqualTo(mostOffloaded.getId());
        assertThat(last.of(mostOffloaded.getId()).orElseThrow().mean()).as("the leader's mean is its chimera mean")
                .isCloseTo(analysis.analyse(id).orElseThrow().configurationResults().stream()
                        .filter(r -> r.configurationId() == mostOffloaded.getId()).findFirst().orElseThrow()
                        .throughput().chimeraTokPerSec(), offset(1e-9));
        // the leader's interval narrows from its first judged round to its last
        List<Double> leaderWidths = history.rounds().stream().skip(1)
                .map(round -> round.of(mostOffloaded.getId()).orElseThrow().halfWidthAsJudged()).toList();
        assertThat(leaderWidths.get(leaderWidths.size() - 1)).isLessThan(leaderWidths.get(0));
        LiveSnapshot.RaceProgress progress = monitor.snapshot(id).orElseThrow().race();
        assertThat(progress.racedPerRound()).isEqualTo(raced);
        assertThat(progress.leaderOptions()).isEqualTo(Map.of("num_gpu", 28));
        assertThat(progress.leaderHalfWidthPerRound()).hasSize(lastRound);

        String report = mvc.perform(get("/api/sweeps/" + id + "/report.md")).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(report).contains("| Repetitions per arm | a race: 3 to 8 (see \"The race\" below) |")
                .contains("The race: every configuration got one repetition per round")
                .contains("Holm-corrected").contains(adaptive.get("sentence").asText());

        // the analysis: each configuration's figures from its own trials, as computed here from the exported calls
        SweepAnalysis result = analysis.analyse(id).orElseThrow();
        Map<Long, List<Double>[]> byArm = new LinkedHashMap<>();
        for (JsonNode call : calls) {
            if (call.get("warmup").asBoolean() || !call.get("reloadReason").isNull()
                    || !call.get("disturbance").isNull()) {
                continue; // not measured: a warm-up, a call that paid a load or one another client disturbed
            }
            @SuppressWarnings("unchecked")
            List<Double>[] arms = byArm.computeIfAbsent(call.get("configurationId").asLong(),
                    c -> new List[] {new ArrayList<Double>(), new ArrayList<Double>()});
            arms["CHIMERA".equals(call.get("arm").asText()) ? 1 : 0].add(call.get("decodeTokPerSec").asDouble());
        }
        for (ConfigurationResult configuration : result.configurationResults()) {
            List<Double>[] arms = byArm.get(configuration.configurationId());
            assertThat(configuration.trials().baselineTrials()).isEqualTo(arms[0].size());
            assertThat(configuration.trials().chimeraTrials()).isEqualTo(arms[1].size());
            double baseline = arms[0].stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            double chimera = arms[1].stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(configuration.throughput().baselineTokPerSec()).isCloseTo(baseline, offset(1e-9));
            assertThat(configuration.throughput().chimeraTokPerSec()).isCloseTo(chimera, offset(1e-9));
            assertThat(configuration.throughput().deltaPct())
                    .isCloseTo(100 * (chimera - baseline) / baseline, offset(1e-9));
        }
    }

    @Test
    void theOtherObjectivesRaceToo() throws Exception {
        RestSweeps rest = new RestSweeps(mvc, json);
        for (String objective : List.of("TTFT_MS", "THROUGHPUT_DELTA_PCT")) {
            String race = RACE.replace("CHIMERA_DECODE_TOK_PER_SEC", objective)
                    .replace("\"targetCiHalfWidthPct\":0.05", "\"targetCiHalfWidthPct\":0.5");
            long id = rest.body(mvc.perform(post("/api/sweeps").contentType(MediaType.APPLICATION_JSON)
                    .content(race)).andExpect(status().isCreated())).get("id").asLong();
            mvc.perform(post("/api/sweeps/" + id + "/start")).andExpect(status().isAccepted());
            rest.awaitStatus(id, "FINISHED", 120);
            List<Configuration> stopped = sweeps.read(id).orElseThrow().getConfigurations();
            assertThat(stopped).as(objective).allSatisfy(c -> assertThat(c.getStopReason()).isNotNull());
            SweepAnalysis result = analysis.analyse(id).orElseThrow();
            ConfigurationResult leader = result.configurationResults().stream()
                    .filter(r -> r.configurationId() == result.adaptive().leaderConfigurationId()).findFirst()
                    .orElseThrow();
            assertThat(leader.race().stopReason()).isNotEqualTo(Race.Stop.ELIMINATED);
            for (ConfigurationResult other : result.configurationResults()) {
                if (other.race().stopReason() == Race.Stop.ELIMINATED) {
                    continue;
                }
                if (objective.equals("TTFT_MS")) { // lower is better
                    assertThat(leader.ttft().chimeraTtftMs()).isLessThanOrEqualTo(other.ttft().chimeraTtftMs());
                } else {
                    assertThat(leader.throughput().deltaPct()).isGreaterThanOrEqualTo(other.throughput().deltaPct());
                }
            }
            assertThat(result.adaptive().sentence()).as(objective).startsWith("Leader ")
                    .contains(objective.equals("TTFT_MS") ? " ms" : " % throughput Δ");
            assertThat(analysis.raceRounds(id).orElseThrow().rounds()).isNotEmpty();
        }
    }
}
