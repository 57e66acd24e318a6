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
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app in the middle of a race (an adaptive sweep), then a restart on the same H2 file: the race
 * resumes and finishes; no stored call is lost or duplicated, and every measurement and decision equals that of the
 * same race run without interruption by a twin app (same seed, its own database) alongside. A graceful stop
 * mid-sweep hands the sweep back without a half-stored trial. Runs the jar that {@code package} built (Failsafe runs after it).
 */
class KillAndResumeIT {

    /**
     * A race with prompt variation: every trial's prompt is its own, so the simulator (noise drawn per request)
     * measures the same values for it in any run with the same seed — killed or not, in whatever order.
     */
    static final String RACE = """
            {"name":"resume me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
             "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
             "axes":{"num_ctx":[2048,4096,8192]},"maxTokens":16,"promptVariation":true,
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

    @Test
    void aRaceKilledMidwayResumesWithEveryCallOnceAndTheDecisionsOfAnUninterruptedRun() throws Exception {
        Path data = Files.createTempDirectory("chimera-kill");
        ExecutorService starting = Executors.newSingleThreadExecutor();
        Future<PackagedApp> twin = starting.submit(() -> start(Files.createTempDirectory("chimera-twin"), "twin"));
        app = start(data, "first");
        reference = twin.get(180, TimeUnit.SECONDS);
        starting.shutdown();
        long id = app.post("/api/sweeps", RACE).get("id").asLong();
        assertThat(reference.post("/api/sweeps", RACE).get("id").asLong()).as("both fresh: the same ids")
                .isEqualTo(id);
        reference.post("/api/sweeps/" + id + "/start", "");
        app.post("/api/sweeps/" + id + "/start", "");
        PackagedApp.await(() -> done(app, id) >= 15, 120); // round 2 judged (12 calls), round 3 under way
        List<Long> before = callIds(id);

        app.kill(); // SIGKILL: no shutdown hooks, the job is left "picked", a trial half-run
        app = start(data, "second");
        try {
            PackagedApp.await(() -> finished(app, id), 180);
        } catch (AssertionError stalled) {
            threadDump(app.process(), "second");
            throw stalled;
        }
        PackagedApp.await(() -> finished(reference, id), 180);

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
        Map<String, Double> resumed = decodeRates(calls);
        Map<String, Double> uninterrupted = decodeRates(reference.get("/api/sweeps/" + id + "/calls"));
        assertThat(resumed).as("every trial, measured as in the uninterrupted run").isEqualTo(uninterrupted);
        assertThat(decisions(app, id)).isEqualTo(decisions(reference, id))
                .as("a race, not a fixed count: some configuration stopped before the maximum")
                .anySatisfy(d -> assertThat(d).doesNotEndWith("/10"));
    }

    private static String key(JsonNode call) {
        return call.get("configurationId") + "/" + call.get("arm").asText() + "/" + call.get("repetition");
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

    @Test
    void aStoppedInstanceHandsBackItsSweepWithoutAHalfStoredTrial() throws Exception {
        Path data = Files.createTempDirectory("chimera-stop");
        app = start(data, "stop-first");
        long id = app.post("/api/sweeps", """
                {"name":"stop me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096]},"repetitions":8,"maxTokens":32}""").get("id").asLong();
        app.post("/api/sweeps/" + id + "/start", "");
        PackagedApp.await(() -> done(app, id) >= 6, 120);

        app.process().destroy(); // SIGTERM: a graceful stop
        assertThat(app.process().waitFor(60, TimeUnit.SECONDS)).as("stops within a minute").isTrue();
        app = start(data, "stop-second");
        PackagedApp.await(() -> "FINISHED".equals(app.get("/api/sweeps/" + id).get("status").asText()), 180);
        JsonNode calls = app.get("/api/sweeps/" + id + "/calls");
        assertThat(calls).hasSize(32); // 2 configurations × 2 arms × 8 repetitions
        Set<String> trials = new HashSet<>();
        for (JsonNode call : calls) {
            assertThat(trials.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition"))).as("no trial stored twice").isTrue();
        }
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

    private List<Long> callIds(long id) throws Exception {
        List<Long> ids = new ArrayList<>();
        app.get("/api/sweeps/" + id + "/calls").forEach(call -> ids.add(call.get("id").asLong()));
        return ids;
    }
}
