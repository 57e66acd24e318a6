package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * kill -9 of the packaged app in the middle of a race (an adaptive sweep), then a restart on the same H2 file: the race
 * resumes and finishes; no stored call is lost or duplicated, and every measurement and decision equals that of the
 * same race run without interruption by a twin app (same seed, its own database) alongside. A graceful stop (SIGTERM)
 * of the twin mid-sweep hands its sweep back without a half-stored trial. Runs the jar that {@code package} built
 * (Failsafe runs after it).
 */
@ResourceLock("packaged-app") // one packaged app under test at a time, beside one browser test
@Order(1) // longest first, packaged-app and browser tests alternating
class KillAndResumeIT {

    /**
     * A race with prompt variation: every trial's prompt is its own, so the simulator (noise drawn per request)
     * measures the same values for it in any run with the same seed — killed or not, in whatever order. A warm-up:
     * num_ctx reloads the model at every arm switch, and calls that pay a load are left out (§4.2).
     */
    static final String RACE = """
            {"name":"resume me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_ctx":[2048,4096,8192]},"maxTokens":16,"promptVariation":true,"warmups":1,
             "adaptive":{"minRepetitions":2,"maxRepetitions":10,"targetCiHalfWidthPct":0.3}}""";

    PackagedApp app;
    PackagedApp reference;

    @AfterEach
    void stop() {
        for (PackagedApp running : new PackagedApp[] {app, reference}) {
            if (running != null) {
                running.close();
            }
        }
    }

    /**
     * Two stories at once, to share the app starts (each costs ~10 s of CPU here, more beside a browser test): app 1 runs a race and is killed (SIGKILL)
     * mid-race, then restarted on its H2 file; app 2 — the twin — runs the same race uninterrupted (same seed, its own
     * database, the reference), then a fixed sweep it is stopped in the middle of (SIGTERM, a graceful stop), and is
     * restarted on its file too while app 1 comes back.
     */
    @Test
    void aKilledRaceAndAStoppedSweepResumeWithEveryCallOnceAndTheRaceDecidesAsIfUninterrupted() throws Exception {
        Path data = Files.createTempDirectory("chimera-kill");
        Path twinData = Files.createTempDirectory("chimera-twin");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<PackagedApp> twin = background.submit(() -> start(twinData, "twin"));
            app = start(data, "first");
            reference = twin.get(180, TimeUnit.SECONDS);
            long id = app.post("/api/sweeps", RACE).get("id").asLong();
            assertThat(reference.post("/api/sweeps", RACE).get("id").asLong()).as("both fresh: the same ids")
                    .isEqualTo(id);
            reference.post("/api/sweeps/" + id + "/start", "");
            app.post("/api/sweeps/" + id + "/start", "");
            // round 1: 3 × (2 warm-ups + 2) calls, round 2: 6 more — judged; round 3 under way
            PackagedApp.await(() -> done(app, id) >= 21, 120);
            List<Long> before = callIds(app, id);

            app.kill(); // SIGKILL: no shutdown hooks, the job is left "picked", a trial half-run
            Future<PackagedApp> restarted = background.submit(() -> start(data, "second"));

            // meanwhile on the twin: its race ends, then a fixed sweep is stopped gracefully mid-way
            PackagedApp.await(() -> finished(reference, id), 180);
            long stopped = reference.post("/api/sweeps", """
                    {"name":"stop me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                     "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                     "axes":{"num_ctx":[2048,4096]},"repetitions":8,"maxTokens":32}""").get("id").asLong();
            reference.post("/api/sweeps/" + stopped + "/start", "");
            PackagedApp.await(() -> done(reference, stopped) >= 6, 120);
            reference.process().destroy(); // SIGTERM: a graceful stop
            assertThat(reference.process().waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
            reference = start(twinData, "twin-second");

            app = restarted.get(180, TimeUnit.SECONDS);
            try {
                PackagedApp.await(() -> finished(app, id), 180);
            } catch (AssertionError stalled) {
                threadDump(app.process(), "second");
                throw stalled;
            }
            JsonNode calls = app.get("/api/sweeps/" + id + "/calls");
            Set<String> trials = new HashSet<>();
            Set<Long> ids = new HashSet<>();
            for (JsonNode call : calls) {
                assertThat(call.get("status").asText()).isEqualTo("OK");
                assertThat(trials.add(key(call))).as("no duplicates").isTrue();
                ids.add(call.get("id").asLong());
            }
            assertThat(ids).as("no call stored before the kill is lost").containsAll(before);
            // the same race as the uninterrupted twin: the same trials measured the same, the same decisions
            assertThat(decodeRates(calls)).as("every trial, measured as in the uninterrupted run")
                    .isEqualTo(decodeRates(reference.get("/api/sweeps/" + id + "/calls")));
            assertThat(decisions(app, id)).isEqualTo(decisions(reference, id))
                    .as("a race, not a fixed count: some configuration stopped before the maximum")
                    .anySatisfy(d -> assertThat(d).doesNotEndWith("/10"));

            // the stopped sweep: handed back without a half-stored trial, finished after the restart
            PackagedApp.await(() -> finished(reference, stopped), 180);
            JsonNode stoppedCalls = reference.get("/api/sweeps/" + stopped + "/calls");
            assertThat(stoppedCalls).hasSize(32); // 2 configurations × 2 arms × 8 repetitions
            Set<String> stoppedTrials = new HashSet<>();
            for (JsonNode call : stoppedCalls) {
                assertThat(stoppedTrials.add(key(call))).as("no trial stored twice").isTrue();
            }
        } finally {
            background.shutdownNow();
        }
    }

    private static String key(JsonNode call) {
        return call.get("configurationId") + "/" + call.get("arm").asText() + "/" + call.get("repetition") + "/"
                + call.get("warmup");
    }

    private static Map<String, Double> decodeRates(JsonNode calls) {
        Map<String, Double> rates = new TreeMap<>();
        calls.forEach(call -> rates.put(key(call), call.get("decodeTokPerSec").asDouble()));
        return rates;
    }

    /** Per configuration: its stop reason, the round it stopped at and its repetitions. */
    private static List<String> decisions(PackagedApp app, long id) throws Exception {
        List<String> decisions = new ArrayList<>();
        for (JsonNode result : app.get("/api/sweeps/" + id + "/analysis").get("configurationResults")) {
            decisions.add(result.get("options") + " " + result.get("stopReason").asText() + " at round "
                    + result.get("stoppedAtRound").asInt() + "/" + result.get("repetitions").asInt());
        }
        decisions.sort(null);
        return decisions;
    }

    private static boolean finished(PackagedApp app, long id) throws Exception {
        return "FINISHED".equals(app.get("/api/sweeps/" + id).get("status").asText());
    }

    private static PackagedApp start(Path data, String run) throws Exception {
        return PackagedApp.start("kill-and-resume-" + run, Map.of(),
                // a user's own URL, without WRITE_DELAY=0: the app must make it write through (H2Durability)
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
                "--chimera.simulator.time-scale=0.1", "--db-scheduler.polling-interval=500ms");
    }

    /** Saves the restarted app's threads next to its log, so a stall can be explained. */
    private static void threadDump(Process process, String run) throws Exception {
        Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-and-resume-" + run + ".threads").toFile()).start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    private static long done(PackagedApp app, long id) throws Exception {
        return app.get("/api/sweeps/" + id).at("/progress/done").asLong();
    }

    private static List<Long> callIds(PackagedApp app, long id) throws Exception {
        List<Long> ids = new ArrayList<>();
        app.get("/api/sweeps/" + id + "/calls").forEach(call -> ids.add(call.get("id").asLong()));
        return ids;
    }
}
