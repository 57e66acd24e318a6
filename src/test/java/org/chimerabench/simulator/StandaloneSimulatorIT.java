package org.chimerabench.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The packaged jar with {@code --chimera.mode=simulator}: its own process, no dashboard, no database, the Ollama API
 * on a fixed port — read here with a plain {@link HttpClient}, as any other Ollama tool would (NDJSON line by line).
 */
@ResourceLock("packaged-app") // one packaged app under test at a time, beside one browser test
@Order(7) // longest first, packaged-app and browser tests alternating
class StandaloneSimulatorIT {

    final ObjectMapper json = new ObjectMapper();
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    PackagedApp simulator;

    @AfterEach
    void stop() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @Test
    void servesTheOllamaApiToAnyClient() throws Exception {
        simulator = PackagedApp.simulator("standalone-simulator", "--chimera.simulator.time-scale=0.02");
        String base = simulator.baseUrl();

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
}
