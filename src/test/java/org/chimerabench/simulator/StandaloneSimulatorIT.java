package org.chimerabench.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar with {@code --chimera.mode=simulator}: its own process, no dashboard, no database, the Ollama API
 * on a fixed port — read here with a plain {@link HttpClient}, as any other Ollama tool would (NDJSON line by line).
 */
class StandaloneSimulatorIT {

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            process.waitFor();
        }
    }

    @Test
    void servesTheOllamaApiToAnyClient() throws Exception {
        int port = freePort();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar().toString(), "--chimera.mode=simulator", "--server.port=" + port,
                "--chimera.simulator.time-scale=0.02").redirectErrorStream(true)
                .redirectOutput(Path.of("target", "standalone-simulator.log").toFile()).start();
        String base = "http://127.0.0.1:" + port;
        awaitUp(base + "/api/version");

        JsonNode tags = json.readTree(get(base + "/api/tags").body());
        assertThat(tags.get("models").findValuesAsText("name")).contains("llama3.2-sim:3b");
        assertThat(json.readTree(get(base + "/api/ps").body()).get("models")).isNotNull();
        assertThat(get(base + "/").body()).as("Ollama's own greeting, no dashboard").isEqualTo("Ollama is running");
        assertThat(get(base + "/login").statusCode()).as("no dashboard").isEqualTo(404);

        List<JsonNode> generate = ndjson(base + "/api/generate", """
                {"model":"llama3.2-sim:3b","prompt":"Say hi","options":{"num_predict":6}}""");
        assertThat(generate.size()).as("streamed in several lines").isGreaterThan(2);
        JsonNode last = generate.get(generate.size() - 1);
        assertThat(last.get("done").asBoolean()).isTrue();
        assertThat(last.get("eval_count").asInt()).isPositive();
        assertThat(last.get("eval_duration").asLong()).as("nanoseconds").isGreaterThan(1000);
        assertThat(generate.get(0).get("response").asText()).isNotEmpty();

        List<JsonNode> chat = ndjson(base + "/api/chat", """
                {"model":"llama3.2-sim:3b","messages":[{"role":"user","content":"Say hi"}],
                 "options":{"num_predict":6}}""");
        assertThat(chat.get(0).at("/message/role").asText()).isEqualTo("assistant");
        assertThat(chat.get(chat.size() - 1).get("done").asBoolean()).isTrue();

        assertThat(json.readTree(get(base + "/api/ps").body()).get("models").findValuesAsText("name"))
                .as("the model stays loaded after use").contains("llama3.2-sim:3b");
    }

    private List<JsonNode> ndjson(String url, String body) throws IOException, InterruptedException {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : (Iterable<String>) response.body()::iterator) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private void awaitUp(String url) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("the simulator process runs (see target/standalone-simulator.log)")
                    .isTrue();
            try {
                if (get(url).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the standalone simulator did not answer within 60 s");
    }

    private static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "chimera-bench-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new AssertionError("no packaged jar in target/ (the integration tests run after `package`)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
