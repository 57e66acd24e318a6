package org.chimerabench.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.support.PackagedApp;
import org.chimerabench.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Two app instances (the packaged jar, {@code postgres} profile) on one PostgreSQL database and one standalone
 * simulator: a watch re-checked every 10 s by its cron schedule gets exactly one check per tick — not one per
 * instance — and both instances read the same checks. Runs in the PostgreSQL pass ({@code ./mvnw -B verify -Ppostgres}).
 */
@ResourceLock("packaged-app")
@Order(2)
class WatchFailoverIT {

    final List<PackagedApp> processes = new ArrayList<>();

    @AfterEach
    void stop() {
        processes.forEach(PackagedApp::close);
    }

    @Test
    void eachScheduledCheckRunsOnceAcrossTwoInstances() throws Exception {
        Map<String, String> database = Map.of("CHIMERA_DB_URL", PostgresTestDatabase.freshSchemaUrl(),
                "CHIMERA_DB_USER", PostgresTestDatabase.user(), "CHIMERA_DB_PASSWORD", PostgresTestDatabase.password());
        PackagedApp sim = keep(PackagedApp.simulator("watch-failover-sim", "--chimera.simulator.time-scale=0.05"));
        String[] options = {"--spring.profiles.active=postgres", "--db-scheduler.polling-interval=500ms",
                "--chimera.watch.min-interval=5s"};
        PackagedApp a = keep(PackagedApp.start("watch-failover-a", database, options));
        PackagedApp b = keep(PackagedApp.start("watch-failover-b", database, options));
        a.post("/api/endpoints", "{\"name\":\"watched-sim\",\"baseUrl\":\"" + sim.baseUrl() + "\"}");
        long sweep = a.post("/api/sweeps", """
                {"name":"watched reference","endpoints":["watched-sim"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048]},"repetitions":4,"warmups":1,"maxTokens":32}""").get("id").asLong();
        a.post("/api/sweeps/" + sweep + "/start", "");
        PackagedApp.await(() -> "FINISHED".equals(a.get("/api/sweeps/" + sweep).get("status").asText()), 180);
        long configuration = a.get("/api/sweeps/" + sweep + "/calls").get(0).get("configurationId").asLong();
        long watch = b.post("/api/watches", """
                {"sweepId":%d,"configurationId":%d,"cron":"*/10 * * * * *","repetitions":3}"""
                .formatted(sweep, configuration)).get("id").asLong();

        PackagedApp.await(() -> scheduledDone(a, watch).size() >= 3, 150);
        List<JsonNode> checks = scheduledDone(b, watch);
        List<OffsetDateTime> starts = checks.stream().map(c -> OffsetDateTime.parse(c.get("startedAt").asText()))
                .toList();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("one check per tick, not one per"
                    + " instance: %s", starts).isGreaterThan(Duration.ofSeconds(5));
        }
        checks.forEach(c -> assertThat(c.get("outcome").asText()).as(c.toString()).isNotEqualTo("FAILED"));
        assertThat(a.get("/api/watches/" + watch).get("checks")).as("both instances read the same checks")
                .hasSameSizeAs(b.get("/api/watches/" + watch).get("checks"));
    }

    private static List<JsonNode> scheduledDone(PackagedApp app, long watch) throws Exception {
        List<JsonNode> done = new ArrayList<>();
        app.get("/api/watches/" + watch).get("checks").forEach(c -> {
            if (c.get("reason").asText().startsWith("scheduled") && c.get("status").asText().equals("DONE")) {
                done.add(c);
            }
        });
        return done;
    }

    private PackagedApp keep(PackagedApp process) {
        processes.add(process);
        return process;
    }
}
