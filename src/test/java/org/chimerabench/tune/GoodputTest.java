package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.stats.Quantiles;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * GOODPUT on the simulator's 4 slots: the most concurrent streams whose TTFT p95 stays within the SLO, found by
 * bisection, against the truth of an exhaustive scan (every level, 6 batches each, the tuning's own options). The
 * SLO is set between the p95 at 4 and at 5 streams of a scan at Ollama's defaults — where a fifth request first waits
 * for a slot — so the answer is near 4, and must be within one level of what the exhaustive scan gives.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class GoodputTest {

    static final String MODEL = "llama3.2-sim:3b";
    static final List<Integer> SCANNED = List.of(1, 2, 3, 4, 5, 6, 8);

    @Autowired
    TuningService tunings;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;
    @Autowired
    MeasuredCalls measured;

    @Test
    void theMostStreamsWithinTheTargetAreFoundWithinOneLevelOfAnExhaustiveScan() {
        // time scale 0.1: TTFTs of ~10 ms, so a few ms of machine jitter (a busy CI core) stay below the SLO
        try (OllamaSimulator box = OllamaSimulator.start(0, 3, 0.1)) {
            endpoints.add("goodput-box", box.baseUrl(), null);
            Map<Integer, Double> atDefaults = scan(Map.of(), List.of(4, 5));
            if (atDefaults.get(5) <= atDefaults.get(4) * 1.3) {
                // out of order: a pause of the JVM all of this shares (test, app and simulator) held up a batch at 4
                // streams (CI saw 65 ms at 4 against 54 at 5, ~10 ms being usual); measured again, once
                atDefaults = scan(Map.of(), List.of(4, 5));
            }
            double slo = Math.sqrt(atDefaults.get(4) * atDefaults.get(5));
            assertThat(atDefaults.get(5)).as("a fifth stream waits for a slot").isGreaterThan(atDefaults.get(4) * 1.3);

            long id = tunings.create(new TuningRequest("goodput-box", MODEL, "GOODPUT",
                    new TuningRequest.Slo(slo), new TuningRequest.Budget(3000, null), null));
            TuningReport done = await().atMost(Duration.ofMinutes(4)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(500)).until(() -> tunings.report(id).orElseThrow(),
                            r -> !List.of("QUEUED", "RUNNING").contains(r.status()));
            assertThat(done.status()).as(done.message()).isEqualTo("FINISHED");
            Integer found = done.answer().concurrency();
            assertThat(found).isNotNull();
            assertThat(done.stages()).filteredOn(s -> s.concurrency() != null).as("a bisection, not a scan")
                    .hasSizeBetween(2, 4);

            Map<Integer, Double> truth = scan(done.answer().options(), SCANNED);
            int expected = SCANNED.stream().filter(level -> truth.get(level) <= slo).mapToInt(Integer::intValue).max()
                    .orElse(0);
            assertThat(SCANNED.indexOf(found)).as("found %d streams, the exhaustive scan %d (p95 by level %s, SLO"
                    + " %.1f ms)", found, expected, truth, slo).isBetween(SCANNED.indexOf(expected) - 1,
                    SCANNED.indexOf(expected) + 1);
        }
    }

    /** TTFT p95 of the tuned arm at each level: a fixed load sweep, 6 batches per level. */
    private Map<Integer, Double> scan(Map<String, Object> options, List<Integer> levels) {
        Map<String, Object> axes = new LinkedHashMap<>();
        options.forEach((option, value) -> axes.put(option, List.of(value)));
        axes.put("concurrency", levels);
        long sweep = sweeps.create(new SweepDefinition("goodput scan " + options, null, List.of("goodput-box"), MODEL,
                new SweepDefinition.Workload("SINGLE_PROMPT", TuningRunner.TTFT_PROMPT, null), axes, Map.of(), null,
                6, 1, false, null, null, true, 16, null, true));
        starter.start(sweep);
        await().atMost(Duration.ofMinutes(3)).pollInSameThread().pollInterval(Duration.ofMillis(300))
                .until(() -> !sweeps.read(sweep).orElseThrow().getStatus().active());
        assertThat(sweeps.read(sweep).orElseThrow().getStatus()).isEqualTo(SweepStatus.FINISHED);
        Map<Long, Map<String, Object>> configurations = sweeps.configurationOptions(sweep);
        Map<Integer, Double> p95 = new TreeMap<>();
        measured.byConfiguration(sweep, null).forEach((configuration, values) -> p95.put(
                ((Number) configurations.get(configuration).get("concurrency")).intValue(),
                Quantiles.of(values.chimeraTtftMs(), 0.95)));
        return p95;
    }
}
