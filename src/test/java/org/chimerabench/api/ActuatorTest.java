package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.chimerabench.base.Role;
import org.chimerabench.security.UserService;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Operations over real HTTP: health for anyone (load balancers have no login), everything else of the actuator for
 * admins only, and the Prometheus scrape carrying the app's own meters after a sweep ran. Own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:actuator-${random.uuid};DB_CLOSE_DELAY=-1")
@AutoConfigureObservability(tracing = false) // tests swap metrics exporters out unless asked: this one is about them
@DirtiesContext
class ActuatorTest {

    static final String PASSWORD = "a-long-test-password";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    UserService users;

    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void healthIsOpenAndUp() throws Exception {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            HttpResponse<String> response = get(path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(json.readTree(response.body()).get("status").asText()).as(path).isEqualTo("UP");
        }
        assertThat(json.readTree(get("/actuator/health", null).body()).has("components"))
                .as("no details without login").isFalse();
    }

    @Test
    void metricsNeedAnAdminAndShowTheAppsMetersAfterASweep() throws Exception {
        SignedIn.asAdmin(context, () -> users.create("watcher", PASSWORD, Role.OPERATOR));
        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", TestUsers.basic("watcher", PASSWORD)).statusCode())
                .as("an operator").isEqualTo(403);
        assertThat(get("/actuator/metrics", TestUsers.basic("watcher", PASSWORD)).statusCode()).isEqualTo(403);

        long id = json.readTree(post("/api/sweeps", """
                {"name":"metered","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                 "workload":{"type":"SINGLE_PROMPT","prompt":"hi"},"axes":{"temperature":[0.5,0.7]},"maxTokens":4,
                 "warmups":0}""").body()).get("id").asLong();
        assertThat(post("/api/sweeps/" + id + "/start", "").statusCode()).isEqualTo(202);
        await("the sweep finished").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> json.readTree(get("/api/sweeps/" + id, TestUsers.adminBasic()).body()).get("status")
                        .asText().equals("FINISHED"));

        HttpResponse<String> scrape = get("/actuator/prometheus", TestUsers.adminBasic());
        assertThat(scrape.statusCode()).isEqualTo(200);
        String metrics = scrape.body();
        java.util.regex.Matcher stored = java.util.regex.Pattern.compile(
                "chimera_calls_stored_total\\{endpoint=\"Built-in simulator\",status=\"ok\"} ([\\d.]+)").matcher(metrics);
        assertThat(stored.find()).as("calls stored per endpoint and status").isTrue();
        assertThat(Double.parseDouble(stored.group(1))).as("this sweep's 4 calls at least").isGreaterThanOrEqualTo(4);
        assertThat(metrics).contains("chimera_call_duration_seconds_bucket{endpoint=\"Built-in simulator\"")
                .contains("chimera_sweeps{status=\"running\"}").contains("chimera_sweeps{status=\"queued\"}")
                .contains("chimera_endpoint_up{endpoint=\"Built-in simulator\"} 1.0");
        JsonNode health = json.readTree(get("/actuator/health", TestUsers.adminBasic()).body());
        assertThat(health.at("/components/db/status").asText()).as("details for an admin").isEqualTo("UP");
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", TestUsers.adminBasic()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
