package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the packaged app in the middle of a sweep, then a restart on the same H2 file: the sweep resumes and
 * finishes; no stored call is lost or duplicated. Runs the jar that {@code package} built (Failsafe runs after it).
 */
class KillAndResumeIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    Process app;

    @AfterEach
    void stop() {
        if (app != null) {
            app.destroyForcibly();
        }
    }

    @Test
    void aKilledSweepResumesAndFinishesWithEveryCallOnce() throws Exception {
        Path data = Files.createTempDirectory("chimera-kill");
        int port = freePort();
        app = start(data, port, "first");
        long id = JSON.readTree(post(port, "/api/sweeps", """
                {"name":"resume me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096,8192]},"repetitions":10,"maxTokens":32}""")).get("id").asLong();
        post(port, "/api/sweeps/" + id + "/start", "");
        await(() -> done(port, id) >= 10, 120);
        List<Long> before = callIds(port, id);

        app.destroyForcibly().waitFor(); // SIGKILL: no shutdown hooks, the job is left "picked"
        app = start(data, port, "second");
        try {
            await(() -> "FINISHED".equals(sweep(port, id).get("status").asText()), 180);
        } catch (AssertionError stalled) {
            threadDump(app, "second");
            throw stalled;
        }

        JsonNode calls = JSON.readTree(get(port, "/api/sweeps/" + id + "/calls"));
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
        int port = freePort();
        app = start(data, port, "stop-first");
        long id = JSON.readTree(post(port, "/api/sweeps", """
                {"name":"stop me","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_ctx":[2048,4096]},"repetitions":8,"maxTokens":32}""")).get("id").asLong();
        post(port, "/api/sweeps/" + id + "/start", "");
        await(() -> done(port, id) >= 6, 120);

        app.destroy(); // SIGTERM: a graceful stop
        assertThat(app.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).as("stops within a minute").isTrue();
        app = start(data, port, "stop-second");
        await(() -> "FINISHED".equals(sweep(port, id).get("status").asText()), 180);
        JsonNode calls = JSON.readTree(get(port, "/api/sweeps/" + id + "/calls"));
        assertThat(calls).hasSize(32); // 2 configurations × 2 arms × 8 repetitions
        Set<String> trials = new HashSet<>();
        for (JsonNode call : calls) {
            assertThat(trials.add(call.get("configurationId") + "/" + call.get("arm").asText() + "/"
                    + call.get("repetition"))).as("no trial stored twice").isTrue();
        }
    }

    private Process start(Path data, int port, String run) throws Exception {
        File jar;
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            jar = files.filter(f -> f.getFileName().toString().matches("chimera-bench-.*\\.jar"))
                    .findFirst().orElseThrow(() -> new IllegalStateException("run after `package`")).toFile();
        }
        Path log = Path.of("target", "kill-and-resume-" + run + ".log");
        Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-jar",
                jar.getAbsolutePath(), "--server.port=" + port,
                // a user's own URL, without WRITE_DELAY=0: the app must make it write through (H2Durability)
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
                "--chimera.simulator.time-scale=0.2", "--chimera.endpoints.offer-local=false",
                "--chimera.security.bootstrap-admin-password=" + TestUsers.ADMIN_PASSWORD,
                "--db-scheduler.polling-interval=500ms")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        await(() -> {
            try {
                get(port, "/api/sweeps");
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, 120);
        return process;
    }

    /** Saves the restarted app's threads next to its log, so a stall can be explained. */
    private static void threadDump(Process process, String run) throws Exception {
        Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                Long.toString(process.pid()), "Thread.print").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "kill-and-resume-" + run + ".threads").toFile()).start();
        jcmd.waitFor(30, TimeUnit.SECONDS);
    }

    private static long done(int port, long id) throws Exception {
        return sweep(port, id).at("/progress/done").asLong();
    }

    private static JsonNode sweep(int port, long id) throws Exception {
        return JSON.readTree(get(port, "/api/sweeps/" + id));
    }

    private static List<Long> callIds(int port, long id) throws Exception {
        return Stream.of(JSON.readTree(get(port, "/api/sweeps/" + id + "/calls")))
                .flatMap(node -> StreamSupport.stream(node.spliterator(), false))
                .map(c -> c.get("id").asLong()).toList();
    }

    private static String get(int port, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json").header("Authorization", TestUsers.adminBasic())
                .timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(int port, String path, String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", TestUsers.adminBasic())
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, int seconds) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within " + seconds + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
