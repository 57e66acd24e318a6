package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.chimerabench.support.PackagedApp;
import org.chimerabench.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two app instances (the packaged jar, {@code postgres} profile) on one PostgreSQL database, two standalone
 * simulators as their endpoints: each instance runs one of two sweeps at the same time; then the instance running
 * the first sweep is killed (-9) and the other one resumes it after the heartbeat limit and finishes it with every
 * planned call exactly once. Runs in the PostgreSQL pass ({@code ./mvnw -B verify -Ppostgres}).
 */
@ResourceLock("packaged-app") // one packaged app under test at a time, beside one browser test
@Order(1) // longest first, packaged-app and browser tests alternating
class FailoverIT {

    final List<PackagedApp> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(PackagedApp::close);
    }

    @Test
    void twoInstancesShareTheSweepsAndTheSurvivorFinishesTheKilledOnesSweep() throws Exception {
        Map<String, String> database = Map.of("CHIMERA_DB_URL", PostgresTestDatabase.freshSchemaUrl(),
                "CHIMERA_DB_USER", PostgresTestDatabase.user(), "CHIMERA_DB_PASSWORD", PostgresTestDatabase.password());
        PackagedApp simX = keep(PackagedApp.simulator("failover-sim-x", "--chimera.simulator.time-scale=0.2"));
        PackagedApp simY = keep(PackagedApp.simulator("failover-sim-y", "--chimera.simulator.time-scale=0.2"));
        // one sweep at a time per instance, so two sweeps go to two instances
        String[] options = {"--spring.profiles.active=postgres", "--db-scheduler.threads=1",
                "--db-scheduler.polling-interval=500ms"};
        PackagedApp a = keep(PackagedApp.start("failover-a", database, options));
        PackagedApp b = keep(PackagedApp.start("failover-b", database, options));
        assertThat(a.get("/api/endpoints")).as("no built-in simulator under the postgres profile").isEmpty();
        a.post("/api/endpoints", "{\"name\":\"sim-x\",\"baseUrl\":\"" + simX.baseUrl() + "\"}");
        a.post("/api/endpoints", "{\"name\":\"sim-y\",\"baseUrl\":\"" + simY.baseUrl() + "\"}");

        long first = create(a, "failover first", "sim-x", 8);   // 2 configurations × 2 arms × 8 = 32 calls
        long second = create(b, "failover second", "sim-y", 5); // 20 calls
        a.post("/api/sweeps/" + first + "/start", "");
        b.post("/api/sweeps/" + second + "/start", "");

        // both run at once, on different instances, each named by host and process id
        PackagedApp.await(() -> running(a, first) && running(a, second), 120);
        String firstRunner = a.get("/api/sweeps/" + first).get("runner").asText();
        String secondRunner = b.get("/api/sweeps/" + second).get("runner").asText();
        assertThat(List.of(firstRunner, secondRunner)).containsExactlyInAnyOrder(
                runnerOf(a), runnerOf(b));
        PackagedApp victim = firstRunner.equals(runnerOf(a)) ? a : b;
        PackagedApp survivor = victim == a ? b : a;

        PackagedApp.await(() -> done(survivor, first) >= 6, 120);
        List<Long> storedBeforeKill = callIds(survivor, first);
        victim.kill();
        long doneAtKill = done(survivor, first);

        // the survivor's view (the live monitor reads the same counts) moves on, and the sweep finishes there
        PackagedApp.await(() -> done(survivor, first) > doneAtKill, 180);
        PackagedApp.await(() -> "FINISHED".equals(status(survivor, first)), 180);
        PackagedApp.await(() -> "FINISHED".equals(status(survivor, second)), 180);
        assertThat(survivor.get("/api/sweeps/" + first).get("runner").asText()).isEqualTo(runnerOf(survivor));

        List<Long> ids = assertEveryTrialOnce(survivor, first, 32);
        assertThat(ids).as("no call stored before the kill is lost").containsAll(storedBeforeKill);
        assertEveryTrialOnce(survivor, second, 20);
    }

    private PackagedApp keep(PackagedApp process) {
        processes.add(process);
        return process;
    }

    private static long create(PackagedApp app, String name, String endpoint, int repetitions) throws Exception {
        return app.post("/api/sweeps", """
                {"name":"%s","endpoints":["%s"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096]},"repetitions":%d,"maxTokens":32}"""
                .formatted(name, endpoint, repetitions)).get("id").asLong();
    }

    private static boolean running(PackagedApp app, long id) throws Exception {
        JsonNode sweep = app.get("/api/sweeps/" + id);
        return "RUNNING".equals(sweep.get("status").asText()) && sweep.at("/progress/done").asLong() >= 2
                && sweep.hasNonNull("runner");
    }

    /** How the sweeps an instance runs name it (SweepRunner.RUNNER): this host and the process's id. */
    private static String runnerOf(PackagedApp app) throws Exception {
        return InetAddress.getLocalHost().getHostName() + " · pid " + app.pid();
    }

    private static long done(PackagedApp app, long id) throws Exception {
        return app.get("/api/sweeps/" + id).at("/progress/done").asLong();
    }

    private static String status(PackagedApp app, long id) throws Exception {
        return app.get("/api/sweeps/" + id).get("status").asText();
    }

    private static List<Long> callIds(PackagedApp app, long id) throws Exception {
        List<Long> ids = new ArrayList<>();
        app.get("/api/sweeps/" + id + "/calls").forEach(call -> ids.add(call.get("id").asLong()));
        return ids;
    }

    private static List<Long> assertEveryTrialOnce(PackagedApp app, long id, int planned) throws Exception {
        JsonNode calls = app.get("/api/sweeps/" + id + "/calls");
        assertThat(calls).hasSize(planned);
        Set<String> trials = new HashSet<>();
        List<Long> ids = new ArrayList<>();
        for (JsonNode call : calls) {
            assertThat(call.get("status").asText()).isEqualTo("OK");
            assertThat(trials.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition"))).as("no trial stored twice").isTrue();
            ids.add(call.get("id").asLong());
        }
        return ids;
    }
}
