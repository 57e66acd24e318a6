package org.chimerabench.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.chimerabench.endpoint.EndpointEventKind;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.notify.HookService;
import org.chimerabench.notify.SubscriptionService;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 28's acceptance on the simulator, as the team lives it: a watched configuration; a restart with nothing
 * changed reads "unchanged" and tells nobody; a restart as the next version decoding 20 % slower is found regressed
 * by the one check the version change starts, attributed to that version change, and reaches a webhook (with a valid
 * signature) and an e-mail; a restart on a smaller card (the same version, fewer layers on the GPU) is found and named
 * as the placement change.
 */
@SpringBootTest(properties = {"chimera.watch.debounce=1s", "chimera.watch.poll=1s", "chimera.hooks.poll=1s",
        "chimera.hooks.retry-base=1s"})
@AsAdmin
class WatchEndToEndTest {

    static final String MODEL = "qwen3-sim:8b";
    static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
    }

    @AfterAll
    static void stopMail() {
        SMTP.stop();
    }

    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;
    @Autowired
    WatchService watches;
    @Autowired
    HookService hooks;
    @Autowired
    SubscriptionService subscriptions;
    @Autowired
    ObjectMapper json;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    static List<String> subjects() {
        return java.util.Arrays.stream(SMTP.getReceivedMessages()).map(WatchEndToEndTest::subject).toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anUpgradeThatCostsSpeedIsFoundExplainedAndSentANothingChangedRestartIsNot() throws Exception {
        int port = freePort();
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver(received);
        OllamaSimulator server = simulator(port, "0.32.15", 1.0, 12);
        try {
            endpoints.add("watch-box", server.baseUrl(), null);
            hooks.add("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "a-secret-of-20-chars",
                    List.of("REGRESSION"), false);
            subscriptions.setMine("admin@example.com", List.of("REGRESSION", "MY_SWEEP_ENDED"));
            long watchId = watchOf(referenceSweep("watch-box"));
            await("the starter of a sweep hears that it finished").atMost(Duration.ofSeconds(20))
                    .until(() -> subjects().contains("[Chimera Bench] Sweep \"reference on watch-box\" finished"));

            server.close();
            server = simulator(port, "0.32.15", 1.0, 12); // a restart with nothing changed
            endpoints.refreshAll();
            long quiet = watches.checkNow(watchId).orElseThrow();
            WatchReport.Check unchanged = done(watchId, quiet);
            assertThat(unchanged.outcome()).as(unchanged.toString()).isEqualTo("UNCHANGED");
            assertThat(unchanged.deltaPct()).isBetween(-5.0, 5.0);

            server.close();
            server = simulator(port, "0.32.16", 0.8, 12); // the upgrade: decode 20 % slower
            endpoints.refreshAll();
            WatchReport afterUpgrade = await("the version change starts a check, and it ends")
                    .atMost(Duration.ofSeconds(60)).pollInSameThread().pollInterval(Duration.ofMillis(300))
                    .until(() -> watches.report(watchId).orElseThrow(), r -> r.checks().size() == 2
                            && r.checks().get(1).status().equals("DONE"));
            WatchReport.Check regressed = afterUpgrade.checks().get(1);
            assertThat(regressed.reason()).contains("Ollama version 0.32.15 → 0.32.16");
            assertThat(regressed.outcome()).as(regressed.toString()).isEqualTo("REGRESSED");
            assertThat(regressed.deltaPct()).isBetween(-25.0, -15.0);
            assertThat(regressed.ci95High()).isNegative();
            assertThat(regressed.cause()).startsWith("Ollama version 0.32.15 → 0.32.16");
            assertThat(regressed.ollamaVersion()).isEqualTo("0.32.16");
            assertThat(afterUpgrade.headline()).startsWith("Regressed: −").contains("Ollama version 0.32.15 → 0.32.16");
            assertThat(afterUpgrade.events()).anyMatch(e -> e.kind() == EndpointEventKind.VERSION
                    && "0.32.15".equals(e.before()) && "0.32.16".equals(e.after()));

            Received hook = await("the webhook reaches the receiver").atMost(Duration.ofSeconds(20))
                    .until(() -> received.stream().findFirst().orElse(null), r -> r != null);
            assertThat(hook.signature()).isEqualTo("sha256=" + hmac("a-secret-of-20-chars", hook.body()));
            JsonNode body = json.readTree(hook.body());
            assertThat(body.get("event").asText()).isEqualTo("REGRESSION");
            assertThat(body.get("data").get("cause").asText()).contains("0.32.15 → 0.32.16");
            assertThat(body.get("data").get("watchId").asLong()).isEqualTo(watchId);
            assertThat(received).as("the unchanged check told nobody").hasSize(1);

            await("the e-mail reaches the SMTP server").atMost(Duration.ofSeconds(20))
                    .until(() -> subjects().stream().anyMatch(s -> s.startsWith("[Chimera Bench] Regression")));
            MimeMessage mail = java.util.Arrays.stream(SMTP.getReceivedMessages()).filter(m -> subject(m)
                    .startsWith("[Chimera Bench] Regression")).findFirst().orElseThrow();
            assertThat(subjects()).as("one regression mail").filteredOn(s -> s.contains("Regression")).hasSize(1);
            assertThat(subjects()).as("the checks' own sweeps are not told one by one")
                    .noneMatch(s -> s.contains("Watch "));
            assertThat(meters.get("chimera.watch.regressed").tag("watch", Long.toString(watchId)).gauge().value())
                    .as("the Prometheus gauge").isEqualTo(1.0);
            assertThat(meters.get("chimera.watch.delta.pct").tag("watch", Long.toString(watchId)).gauge().value())
                    .isCloseTo(regressed.deltaPct(), org.assertj.core.api.Assertions.within(1e-9));
            assertThat(SMTP.getUserManager().getUserByEmail("admin@example.com")).as("delivered to the subscriber"
                    + " (Bcc: the envelope, not a header)").isNotNull();
            assertThat(mail.getSubject()).startsWith("[Chimera Bench] Regression: qwen3-sim:8b on watch-box −");
            assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(mail)).contains("0.32.15 =E2=86=92 0.32.16");
        } finally {
            server.close();
            receiver.stop(0);
        }
    }

    @Test
    void aSmallerCardOnTheSameVersionIsFoundAndNamedAsThePlacementChange() throws Exception {
        int port = freePort();
        OllamaSimulator server = simulator(port, "0.32.15", 1.0, 12);
        try {
            endpoints.add("placement-box", server.baseUrl(), null);
            long watchId = watchOf(referenceSweep("placement-box"));
            server.close();
            server = simulator(port, "0.32.15", 1.0, 8); // 8 GiB: 24 of 36 layers on the GPU
            endpoints.refreshAll();
            WatchReport.Check check = done(watchId, watches.checkNow(watchId).orElseThrow());
            assertThat(check.outcome()).as(check.toString()).isEqualTo("REGRESSED");
            assertThat(check.gpuSharePct()).isCloseTo(66.7, org.assertj.core.api.Assertions.within(0.5));
            assertThat(check.cause()).contains("GPU placement 100 % → 67 %").doesNotContain("version");

            long aa = watches.calibrate(watchId).orElseThrow();
            WatchReport.Check calibration = done(watchId, aa);
            assertThat(calibration.kind()).isEqualTo("AA");
            assertThat(calibration.outcome()).as("the defaults against themselves").isIn("UNCHANGED", "INCONCLUSIVE");
            WatchReport.Noise noise = watches.report(watchId).orElseThrow().noise();
            assertThat(noise.aaChecks()).isEqualTo(1);
            assertThat(noise.minimumDetectablePct()).isPositive().isLessThan(10);
        } finally {
            server.close();
        }
    }

    private long referenceSweep(String endpoint) {
        long id = sweeps.create(new SweepDefinition("reference on " + endpoint, null, List.of(endpoint), MODEL,
                new SweepDefinition.Workload("SINGLE_PROMPT", "Explain GPU offloading.", null),
                Map.of("temperature", List.of(0.7)), null, null, 10, 1, false, null, null, true, 64, null, true));
        starter.start(id);
        await("the reference sweep").atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(200)).until(() -> sweeps.find(id).orElseThrow().status(),
                        s -> SweepStatus.ends().contains(s));
        assertThat(sweeps.find(id).orElseThrow().status()).isEqualTo(SweepStatus.FINISHED);
        return id;
    }

    private long watchOf(long sweepId) {
        long configurationId = sweeps.configurationOptions(sweepId).keySet().iterator().next();
        return watches.create(new WatchRequest(sweepId, configurationId, null, "0 3 * * *", 10, 5.0));
    }

    private WatchReport.Check done(long watchId, long checkId) {
        return await("check " + checkId).atMost(Duration.ofSeconds(60)).pollInSameThread()
                .pollInterval(Duration.ofMillis(300)).until(() -> watches.report(watchId).orElseThrow().checks()
                        .stream().filter(c -> c.id() == checkId).findFirst().orElseThrow(),
                        c -> c.status().equals("DONE"));
    }

    static OllamaSimulator simulator(int port, String version, double speed, double vramGib) {
        return OllamaSimulator.start(InetAddress.getLoopbackAddress(), port, 11, 0.01, 4, vramGib, 8, version, speed);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    record Received(String signature, String body) {
    }

    static HttpServer receiver(List<Received> received) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        server.createContext("/hook", exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-Chimera-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    static String hmac(String secret, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
