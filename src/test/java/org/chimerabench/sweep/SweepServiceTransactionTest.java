package org.chimerabench.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

/**
 * Creating a sweep asks its endpoint for the installed models (network) before it opens a transaction: while
 * the endpoint takes its time to answer, the create holds no database connection. The endpoint was down at its
 * last check (so the create must ask it now) and then answers {@code /api/tags} after 0.6 s; had the create opened
 * its transaction first, the connection of its endpoint lookups would be in use the whole time.
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class SweepServiceTransactionTest {

    private static final long TAGS_DELAY_MS = 600; // under the probe timeout of the tests (1 s)

    @Autowired
    SweepService sweeps;
    @Autowired
    EndpointService endpoints;
    @Autowired
    DataSource dataSource;
    @Autowired
    SecurityContextHolderStrategy strategy;

    @Test
    void noConnectionIsHeldWhileTheEndpointIsAsked() throws Exception {
        HttpServer slowOllama = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slowOllama.createContext("/api/version", exchange -> answer(exchange, 200, "{\"version\":\"0.12.0\"}"));
        slowOllama.createContext("/api/ps", exchange -> answer(exchange, 200, "{\"models\":[]}"));
        AtomicBoolean up = new AtomicBoolean(false);
        AtomicInteger answering = new AtomicInteger();
        slowOllama.createContext("/api/tags", exchange -> {
            if (!up.get()) {
                answer(exchange, 500, "{\"error\":\"not yet\"}");
                return;
            }
            answering.incrementAndGet();
            sleep(TAGS_DELAY_MS);
            answering.decrementAndGet();
            answer(exchange, 200, "{\"models\":[{\"name\":\"m:latest\",\"size\":1,\"details\":{}}]}");
        });
        slowOllama.setExecutor(Executors.newCachedThreadPool());
        slowOllama.start();
        try {
            endpoints.add("slow-box", "http://127.0.0.1:" + slowOllama.getAddress().getPort(), null);
            endpoints.refreshAll();
            await("the check that found it down").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> endpoints.findByName("slow-box").orElseThrow().error() != null);
            up.set(true);
            var pool = ((HikariDataSource) dataSource).getHikariPoolMXBean();
            long started = System.nanoTime();
            SecurityContext admin = strategy.getContext(); // the test's admin, on the creating thread too
            CompletableFuture<Long> created = CompletableFuture.supplyAsync(() -> {
                strategy.setContext(admin);
                try {
                    return sweeps.create(new SweepDefinition("slow", null, List.of("slow-box"), "m",
                            new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null),
                            Map.of("temperature", List.of(0.5)), null, null, null, null, null, null, null, null, null,
                            null, null));
                } finally {
                    strategy.clearContext();
                }
            });
            int idleSamples = 0;
            int samples = 0;
            while (!created.isDone()) {
                if (answering.get() > 0) { // the endpoint is being asked by the create
                    samples++;
                    if (pool.getActiveConnections() == 0) {
                        idleSamples++;
                    }
                }
                Thread.sleep(5);
            }
            long id = created.get(30, TimeUnit.SECONDS);
            long tookMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(sweeps.find(id)).isPresent();
            assertThat(tookMs).as("the create waited for the endpoint").isGreaterThanOrEqualTo(TAGS_DELAY_MS - 50);
            assertThat(samples).as("samples while the endpoint was asked").isGreaterThan(10);
            assertThat(idleSamples).as("of %d samples while the endpoint was asked, some saw no connection in use",
                    samples).isPositive();
        } finally {
            slowOllama.stop(0);
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms); // the endpoint's answer time: the scenario, not a wait in the test
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
