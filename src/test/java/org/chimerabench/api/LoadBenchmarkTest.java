package org.chimerabench.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.chimerabench.exchange.ExampleService;
import org.chimerabench.security.ApiTokenService;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.stats.Quantiles;
import org.chimerabench.support.SignedIn;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Bounded load on loopback: 20 simulated users for 60 s open results pages (the page itself and the REST calls
 * behind it) and poll the API while a simulator sweep runs. Prints p50/p95/p99 per route, the errors (must be 0),
 * and the sweep's mean decode tok/s alone and under the load (the measurement must not move by more than 2 %).
 * {@code ./mvnw -B verify -Pbench -Dtest=LoadBenchmarkTest}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:load-${random.uuid};DB_CLOSE_DELAY=-1",
        "chimera.simulator.time-scale=0.25"})
@DirtiesContext
class LoadBenchmarkTest {

    static final int USERS = 20;
    static final Duration LOAD = Duration.ofSeconds(60);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    String token;

    @Test
    void twentyUsersForAMinuteWhileASweepRuns() throws Exception {
        List<Long> example = SignedIn.asAdmin(context, () -> context.getBean(ExampleService.class)
                .loadChimeraforge().sweepIds());
        token = "Bearer " + SignedIn.asAdmin(context, () -> context.getBean(ApiTokenService.class)
                .create(TestUsers.ADMIN, "load").token());
        // the results page itself (Vaadin's HTML page) through a share link, which needs no login
        String page = SignedIn.asAdmin(context, () -> context.getBean(ShareLinkService.class)
                .create(example.get(0), null, null).url());
        double idle = decodeTokPerSec(runSweep());

        Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
        AtomicInteger errors = new AtomicInteger();
        List<String> routes = List.of("/api/sweeps", "/api/sweeps/" + example.get(0),
                "/api/sweeps/" + example.get(0) + "/analysis", "/api/compare?a=" + example.get(0) + "&b="
                        + example.get(1), "/api/endpoints", page);
        long until = System.nanoTime() + LOAD.toNanos();
        ExecutorService users = Executors.newFixedThreadPool(USERS);
        for (int u = 0; u < USERS; u++) {
            int offset = u;
            users.submit(() -> {
                int i = offset;
                while (System.nanoTime() < until) {
                    String route = routes.get(i++ % routes.size());
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(request(route).GET().build(),
                                HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    latencies.computeIfAbsent(route.startsWith("/shared/") ? "/shared/{token}"
                            : route.replaceAll("\\d+", "{id}"), r -> Collections
                            .synchronizedList(new ArrayList<>())).add((System.nanoTime() - start) / 1e6);
                }
            });
        }
        double loaded = decodeTokPerSec(runSweep());
        users.shutdown();
        assertThat(users.awaitTermination(LOAD.toSeconds() + 30, TimeUnit.SECONDS)).isTrue();

        latencies.forEach((route, values) -> {
            double[] ms = values.stream().mapToDouble(Double::doubleValue).toArray();
            String name = "load." + route.replaceAll("[^a-z{}]+", "_").replaceAll("^_|_$", "");
            print(name + ".requests", ms.length, "");
            print(name + ".p50", Quantiles.of(ms, 0.50), "ms");
            print(name + ".p95", Quantiles.of(ms, 0.95), "ms");
            print(name + ".p99", Quantiles.of(ms, 0.99), "ms");
        });
        print("load.errors", errors.get(), "");
        print("load.decode_tok_s.alone", idle, "tok/s");
        print("load.decode_tok_s.under_load", loaded, "tok/s");
        print("load.decode_tok_s.change", (loaded - idle) / idle * 100, "%");
        assertThat(errors.get()).as("errors under load").isZero();
    }

    /** Starts a small simulator sweep and waits for it; returns its id. */
    private long runSweep() throws Exception {
        long id = json.readTree(http.send(request("/api/sweeps").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"name":"load","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                         "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                         "axes":{"num_ctx":[2048,4096]},"repetitions":6,"maxTokens":96,"warmups":1}""")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("id").asLong();
        http.send(request("/api/sweeps/" + id + "/start").POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            String status = json.readTree(http.send(request("/api/sweeps/" + id).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body()).get("status").asText();
            if (status.equals("FINISHED")) {
                return id;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the sweep did not finish");
    }

    /** Mean decode tok/s of the sweep's measured (non-warm-up, OK) calls. */
    private double decodeTokPerSec(long sweep) throws Exception {
        JsonNode calls = json.readTree(http.send(request("/api/sweeps/" + sweep + "/calls").GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        double sum = 0;
        int n = 0;
        for (JsonNode call : calls) {
            if (!call.get("warmup").asBoolean() && call.get("status").asText().equals("OK")) {
                sum += call.get("decodeTokPerSec").asDouble();
                n++;
            }
        }
        return sum / n;
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization", token)
                .timeout(Duration.ofSeconds(30));
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s=%.3f %s%n", name, value, unit);
    }
}
