package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * kill -9 of the packaged app in the middle of a tuning, then a restart on the same H2 file: the tuning resumes from
 * its stored state and its stages, and decides as a twin app (same seed, its own database) that ran the same tuning
 * without interruption: the same stages with the same leaders and the same answer, its gain a measurement of the same
 * truth. Runs the jar that
 * {@code package} built (Failsafe runs after it).
 */
@ResourceLock("packaged-app")
@Order(3) // longest first, packaged-app and browser tests alternating
class TuningKillAndResumeIT {

    static final String TUNING = """
            {"endpoint":"Built-in simulator","model":"llama3.2-sim:3b","objective":"THROUGHPUT",
             "budget":{"calls":400},"constraints":{"minContext":2048}}""";

    PackagedApp app;
    PackagedApp twin;

    @AfterEach
    void stop() {
        for (PackagedApp running : new PackagedApp[] {app, twin}) {
            if (running != null) {
                running.close();
            }
        }
    }

    @Test
    void aKilledTuningResumesAndDecidesAsIfUninterrupted() throws Exception {
        Path data = Files.createTempDirectory("chimera-tune-kill");
        Path twinData = Files.createTempDirectory("chimera-tune-twin");
        ExecutorService background = Executors.newSingleThreadExecutor();
        try {
            Future<PackagedApp> reference = background.submit(() -> start(twinData, "twin"));
            app = start(data, "first");
            twin = reference.get(180, TimeUnit.SECONDS);
            long id = app.post("/api/tunings", TUNING).get("id").asLong();
            assertThat(twin.post("/api/tunings", TUNING).get("id").asLong()).isEqualTo(id);

            // killed while the coarse race has stored some calls
            PackagedApp.await(() -> app.get("/api/tunings/" + id).get("callsUsed").asLong() >= 12, 120);
            app.kill();
            Future<PackagedApp> restarted = background.submit(() -> start(data, "second"));
            PackagedApp.await(() -> ended(twin, id), 240);
            app = restarted.get(180, TimeUnit.SECONDS);
            PackagedApp.await(() -> ended(app, id), 240);

            JsonNode resumed = app.get("/api/tunings/" + id);
            JsonNode uninterrupted = twin.get("/api/tunings/" + id);
            assertThat(resumed.get("status").asText()).as(resumed.path("message").asText()).isEqualTo("FINISHED");
            assertThat(uninterrupted.get("status").asText()).isEqualTo("FINISHED");
            assertThat(stages(resumed)).as("the same stages with the same leaders").isEqualTo(stages(uninterrupted))
                    .isNotEmpty();
            assertThat(resumed.at("/answer/options")).isEqualTo(uninterrupted.at("/answer/options"));
            // the stages created after the restart are new sweeps whose trials draw new prompts (prompt variation
            // keys on the trial's id, and H2 skips identity values after a crash): new measurements of the same truth
            assertThat(resumed.at("/answer/gainPct").asDouble()).as("a measurement of the same gain")
                    .isBetween(uninterrupted.at("/answer/ci95Low").asDouble(),
                            uninterrupted.at("/answer/ci95High").asDouble());
        } finally {
            background.shutdownNow();
        }
    }

    private static List<String> stages(JsonNode tuning) {
        List<String> stages = new ArrayList<>();
        // not the sweep ids: H2 skips identity values after a crash
        tuning.get("stages").forEach(s -> stages.add(s.get("name").asText() + " " + s.get("configurations") + " "
                + s.get("leader")));
        return stages;
    }

    private static boolean ended(PackagedApp app, long id) throws Exception {
        String status = app.get("/api/tunings/" + id).get("status").asText();
        return !status.equals("QUEUED") && !status.equals("RUNNING");
    }

    private static PackagedApp start(Path data, String run) throws Exception {
        return PackagedApp.start("tune-kill-" + run, Map.of(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
                "--chimera.simulator.time-scale=0.1", "--db-scheduler.polling-interval=500ms");
    }
}
