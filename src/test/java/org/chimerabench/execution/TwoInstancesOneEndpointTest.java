package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.chimerabench.Application;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AdminHttp;
import org.chimerabench.support.PackagedApp;
import org.chimerabench.support.PostgresTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two app instances (two Spring contexts, each with its own runner and one job thread) on one database, and one
 * Ollama endpoint: a sweep started on each never runs at the same time as the other — the second waits until the
 * first has finished, although the instances share no memory (the endpoint is claimed in the database).
 */
class TwoInstancesOneEndpointTest {

    final List<ConfigurableApplicationContext> instances = new ArrayList<>();
    OllamaSimulator endpoint;

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        if (endpoint != null) {
            endpoint.close();
        }
    }

    @Test
    void twoInstancesTakeTurnsOnOneEndpoint() throws Exception {
        String database = PostgresTestDatabase.serverUrl() != null ? PostgresTestDatabase.freshSchemaUrl()
                : "jdbc:h2:mem:two-instances-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        endpoint = OllamaSimulator.start(0, 42, 0.02);
        AdminHttp a = start(database);
        AdminHttp b = start(database);
        a.post("/api/endpoints", "{\"name\":\"shared-box\",\"baseUrl\":\"" + endpoint.baseUrl() + "\"}");
        long first = create(a, "first on the box");
        long second = create(b, "second on the box");
        a.post("/api/sweeps/" + first + "/start", "");
        b.post("/api/sweeps/" + second + "/start", "");

        // each instance's live monitor follows both sweeps, whichever instance runs them (it reads the database)
        LiveMonitorService monitorA = instances.get(0).getBean(LiveMonitorService.class);
        LiveMonitorService monitorB = instances.get(1).getBean(LiveMonitorService.class);
        PackagedApp.await(() -> monitorB.snapshot(first).orElseThrow().done() >= 4
                || monitorB.snapshot(second).orElseThrow().done() >= 4, 60);
        long seenOnA = Math.max(monitorA.snapshot(first).orElseThrow().done(),
                monitorA.snapshot(second).orElseThrow().done());
        PackagedApp.await(() -> Math.max(monitorA.snapshot(first).orElseThrow().done(),
                monitorA.snapshot(second).orElseThrow().done()) > seenOnA, 60);

        PackagedApp.await(() -> finished(a, first) && finished(b, second), 120);
        assertThat(monitorA.snapshot(second).orElseThrow().done()).isEqualTo(24);
        assertThat(monitorB.snapshot(first).orElseThrow().done()).isEqualTo(24);
        assertThat(a.get("/api/sweeps/" + first + "/calls")).hasSize(24);
        assertThat(b.get("/api/sweeps/" + second + "/calls")).hasSize(24);
        Interval one = span(a, first);
        Interval other = span(b, second);
        assertThat(one.end().isBefore(other.start()) || other.end().isBefore(one.start()))
                .as("one sweep ran from start to end before the other began: %s and %s", one, other).isTrue();
    }

    private AdminHttp start(String database) {
        boolean h2 = database.startsWith("jdbc:h2");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class).run(
                "--server.port=0", "--spring.datasource.url=" + database,
                "--spring.datasource.username=" + (h2 ? "sa" : PostgresTestDatabase.user()),
                "--spring.datasource.password=" + (h2 ? "" : PostgresTestDatabase.password()),
                "--chimera.simulator.enabled=false", "--db-scheduler.threads=1");
        instances.add(context);
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new AdminHttp("http://127.0.0.1:" + port);
    }

    private static long create(AdminHttp app, String name) throws Exception {
        return app.post("/api/sweeps", """
                {"name":"%s","endpoints":["shared-box"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096]},"repetitions":6,"maxTokens":16}""".formatted(name))
                .get("id").asLong();
    }

    private static boolean finished(AdminHttp app, long id) throws Exception {
        return "FINISHED".equals(app.get("/api/sweeps/" + id).get("status").asText());
    }

    record Interval(OffsetDateTime start, OffsetDateTime end) {
    }

    /** When the sweep began running (its endpoint claimed) and when it finished. */
    private static Interval span(AdminHttp app, long id) throws Exception {
        JsonNode sweep = app.get("/api/sweeps/" + id);
        return new Interval(OffsetDateTime.parse(sweep.get("startedAt").asText()),
                OffsetDateTime.parse(sweep.get("finishedAt").asText()));
    }
}
