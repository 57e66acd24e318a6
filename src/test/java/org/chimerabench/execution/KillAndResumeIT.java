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
import java.util.concurrent.TimeUnit;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app in the middle of a sweep, then a restart on the same H2 file: the sweep resumes and
 * finishes; no stored call is lost or duplicated. Runs the jar that {@code package} built (Failsafe runs after it).
 */
class KillAndResumeIT {

    PackagedApp app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aKilledSweepResumesAndFinishesWithEveryCallOnce() throws Exception {
        Path data = Files.createTempDirectory("chimera-kill");
        app = start(data, "first");
        long id = app.post("/api/sweeps", """
                {"name":"resume me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096,8192]},"repetitions":10,"maxTokens":32}""").get("id").asLong();
        app.post("/api/sweeps/" + id + "/start", "");
        PackagedApp.await(() -> done(id) >= 10, 120);
        List<Long> before = callIds(id);

        app.kill(); // SIGKILL: no shutdown hooks, the job is left "picked"
        app = start(data, "second");
        try {
            PackagedApp.await(() -> "FINISHED".equals(app.get("/api/sweeps/" + id).get("status").asText()), 180);
        } catch (AssertionError stalled) {
            threadDump(app.process(), "second");
            throw stalled;
        }

        JsonNode calls = app.get("/api/sweeps/" + id + "/calls");
        assertThat(calls).hasSize(60); // 3 configurations × 2 arms × 10 repetitions
        Set<String> trials = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        for (JsonNode call : calls) {
            assertThat(call.get("status").asText()).isEqualTo("OK");
            assertThat(trials.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition"))).as("no duplicates").isTrue();
            ids.add(call.get("id").asLong());
        }
        assertThat(ids).as("no call stored before the kill is lost").containsAll(before);
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
        PackagedApp.await(() -> done(id) >= 6, 120);

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
                "--chimera.simulator.time-scale=0.2", "--db-scheduler.polling-interval=500ms");
    }

    /** Saves the restarted app's threads next to its log, so a stall can be explained. */
    private static void threadDump(Process process, String run) throws Exception {
        Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-and-resume-" + run + ".threads").toFile()).start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    private long done(long id) throws Exception {
        return app.get("/api/sweeps/" + id).at("/progress/done").asLong();
    }

    private List<Long> callIds(long id) throws Exception {
        List<Long> ids = new ArrayList<>();
        app.get("/api/sweeps/" + id + "/calls").forEach(call -> ids.add(call.get("id").asLong()));
        return ids;
    }
}
