package org.chimerabench.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chimerabench.support.AsAdmin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Webhook delivery over real HTTP (a JDK server on loopback): a receiver that fails twice is tried again after growing
 * pauses (retry-base 1 s, then 2 s) and gets the notice on the third attempt, every POST signed with the HMAC-SHA256 of
 * its body; a receiver that always fails is given up on after max-attempts, with its last error in the delivery log.
 */
@SpringBootTest(properties = {"chimera.hooks.poll=1s", "chimera.hooks.retry-base=1s",
        "chimera.hooks.max-attempts=3"})
@AutoConfigureMockMvc
@AsAdmin
class HookDeliveryTest {

    static final String FLAKY_SECRET = "flaky-receiver-secret-1";
    static final String BROKEN_SECRET = "broken-receiver-secret-2";

    @Autowired
    HookService hooks;
    @Autowired
    Notifier notifier;
    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;

    /** One POST as the receiver saw it: when (System.nanoTime), the signature header and the body. */
    record Received(long nanos, String signature, String body) {
    }

    @Test
    void aFailingReceiverIsRetriedWithGrowingPausesAndAnAlwaysFailingOneIsGivenUp() throws Exception {
        List<Received> flaky = new CopyOnWriteArrayList<>();
        List<Received> broken = new CopyOnWriteArrayList<>();
        AtomicInteger flakyCalls = new AtomicInteger();
        HttpServer flakyServer = receiver(flaky, () -> flakyCalls.incrementAndGet() <= 2 ? 500 : 204);
        HttpServer brokenServer = receiver(broken, () -> 503);
        try {
            long flakyHook = hooks.add(url(flakyServer), FLAKY_SECRET, List.of("REGRESSION"), false).id();
            long brokenHook = hooks.add(url(brokenServer), BROKEN_SECRET, List.of("REGRESSION", "CHECK_FAILED"),
                    false).id();
            long quietHook = hooks.add(url(flakyServer).replace("/hook", "/quiet"), FLAKY_SECRET,
                    List.of("CHECK_FAILED"), false).id();

            notifier.send(new Notice(NoticeKind.REGRESSION, "Regression: test-model on test-box −20 %",
                    "Decode throughput fell 20 %.", "/watches/1", null, Map.of("watchId", 1, "deltaPct", -20.0)));

            JsonNode delivered = await("the flaky receiver's third attempt delivers").atMost(Duration.ofSeconds(60))
                    .pollInSameThread().pollInterval(Duration.ofMillis(200))
                    .until(() -> onlyDelivery(flakyHook), d -> d != null && d.get("status").asText()
                            .equals("DELIVERED"));
            assertThat(delivered.get("attempts").asInt()).isEqualTo(3);
            assertThat(delivered.get("event").asText()).isEqualTo("REGRESSION");
            assertThat(delivered.get("lastStatusCode").asInt()).isEqualTo(204);
            assertThat(absent(delivered, "lastError")).as("a delivery clears the error").isTrue();
            assertThat(absent(delivered, "deliveredAt")).isFalse();

            assertThat(flaky).as("500, 500, then 204: three POSTs").hasSize(3);
            double firstGap = seconds(flaky.get(1).nanos() - flaky.get(0).nanos());
            double secondGap = seconds(flaky.get(2).nanos() - flaky.get(1).nanos());
            String gaps = String.format("gaps %.2f s then %.2f s", firstGap, secondGap);
            assertThat(firstGap).as("at least retry-base (1 s) after the first failure: " + gaps)
                    .isGreaterThanOrEqualTo(0.95);
            assertThat(secondGap).as("at least 2 × retry-base after the second: " + gaps)
                    .isGreaterThanOrEqualTo(1.95);
            assertThat(secondGap).as("the pause grows (≈1.5× or more; 0.3 s slack for the 1 s poll): " + gaps)
                    .isGreaterThanOrEqualTo(1.5 * firstGap - 0.3);
            for (Received post : flaky) {
                assertThat(post.signature()).as("every attempt is signed")
                        .isEqualTo("sha256=" + hmac(FLAKY_SECRET, post.body()));
            }
            assertThat(flaky).extracting(Received::body).as("every attempt sends the same stored body")
                    .containsOnly(flaky.get(0).body());
            JsonNode body = json.readTree(flaky.get(0).body());
            assertThat(body.get("event").asText()).isEqualTo("REGRESSION");
            assertThat(body.get("subject").asText()).isEqualTo("Regression: test-model on test-box −20 %");
            assertThat(body.get("data").get("watchId").asInt()).isEqualTo(1);

            JsonNode gaveUp = await("the broken receiver is given up on").atMost(Duration.ofSeconds(60))
                    .pollInSameThread().pollInterval(Duration.ofMillis(200))
                    .until(() -> onlyDelivery(brokenHook), d -> d != null && d.get("status").asText()
                            .equals("GAVE_UP"));
            assertThat(gaveUp.get("attempts").asInt()).as("max-attempts").isEqualTo(3);
            assertThat(gaveUp.get("lastStatusCode").asInt()).isEqualTo(503);
            assertThat(gaveUp.get("lastError").asText()).isEqualTo("HTTP 503");
            assertThat(absent(gaveUp, "nextAttemptAt")).as("nothing more is planned").isTrue();
            // a few more polls: a given-up delivery is not tried again
            await("no attempt after giving up").during(Duration.ofMillis(2_500)).atMost(Duration.ofSeconds(4))
                    .until(() -> broken.size() == 3);
            for (Received post : broken) {
                assertThat(post.signature()).isEqualTo("sha256=" + hmac(BROKEN_SECRET, post.body()));
            }
            assertThat(flaky).as("a delivered notice is not sent again").hasSize(3);

            JsonNode quiet = deliveries(quietHook);
            assertThat(quiet).as("a hook not subscribed to REGRESSION gets nothing").isEmpty();
        } finally {
            flakyServer.stop(0);
            brokenServer.stop(0);
            hooks.list().forEach(h -> hooks.remove(h.id()));
        }
    }

    @Test
    void aReceiverThatIsNotListeningIsListedWithTheConnectionError() throws Exception {
        HttpServer gone = receiver(new CopyOnWriteArrayList<>(), () -> 204);
        String url = url(gone);
        gone.stop(0); // nothing listens on that port any more
        long hook = hooks.add(url, BROKEN_SECRET, List.of("CHECK_FAILED"), true).id();
        try {
            notifier.send(new Notice(NoticeKind.CHECK_FAILED, "Check failed", "The endpoint did not answer.",
                    null, null, null));
            JsonNode gaveUp = await("given up after max-attempts").atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(200)).until(() -> onlyDelivery(hook),
                            d -> d != null && d.get("status").asText().equals("GAVE_UP"));
            assertThat(gaveUp.get("attempts").asInt()).isEqualTo(3);
            assertThat(absent(gaveUp, "lastStatusCode")).as("no HTTP answer").isTrue();
            assertThat(gaveUp.get("lastError").asText()).as("the connection error is listed").isNotBlank()
                    .startsWith("No connection to 127.0.0.1:").doesNotContain("null");
        } finally {
            hooks.remove(hook);
        }
    }

    /** Null or left out of the JSON. */
    private static boolean absent(JsonNode node, String field) {
        return node.path(field).isNull() || node.path(field).isMissingNode();
    }

    /** The hook's one delivery (null while there is none), from {@code GET /api/hooks/{id}/deliveries}. */
    private JsonNode onlyDelivery(long hookId) throws Exception {
        JsonNode list = deliveries(hookId);
        assertThat(list.size()).as("one notice, one delivery").isLessThanOrEqualTo(1);
        return list.isEmpty() ? null : list.get(0);
    }

    private JsonNode deliveries(long hookId) throws Exception {
        return json.readTree(mvc.perform(get("/api/hooks/" + hookId + "/deliveries")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    interface Answer {
        int status();
    }

    static HttpServer receiver(List<Received> received, Answer answer) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/hook", exchange -> {
            long at = System.nanoTime();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(at, exchange.getRequestHeaders().getFirst("X-Chimera-Signature"), body));
            exchange.sendResponseHeaders(answer.status(), -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    static double seconds(long nanos) {
        return nanos / 1e9;
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
