package org.chimerabench.watch.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.home.ui.ReadableLayoutIT;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.TestUsers;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.watch.WatchReport;
import org.chimerabench.watch.WatchRequest;
import org.chimerabench.watch.WatchService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In real Chromium: a watch whose endpoint was upgraded to a version that decodes 20 % slower, at 1440 × 900 and at
 * 390 × 844 — the regression and its cause are the first thing the page says, the timeline is drawn with the
 * version change marked, and nothing is wider than the screen. Screenshots: target/screenshots/watch-*.png.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chimera.watch.debounce=1s", "chimera.watch.poll=1s"})
@AsAdmin
@Order(6)
class WatchIT extends BrowserTest {

    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;
    @Autowired
    WatchService watches;

    @Test
    void aRegressionAndItsCauseComeFirstOnAnyScreen() throws Exception {
        int port = org.chimerabench.support.PackagedApp.freePort();
        OllamaSimulator server = simulator(port, "0.32.15", 1.0);
        try {
            endpoints.add("gpu-watched", server.baseUrl(), null);
            long sweepId = sweeps.create(new SweepDefinition("watched reference", null, List.of("gpu-watched"),
                    "qwen3-sim:8b", new SweepDefinition.Workload("SINGLE_PROMPT", "Explain GPU offloading.", null),
                    Map.of("temperature", List.of(0.7)), null, null, 10, 1, false, null, null, true, 64, null, true));
            starter.start(sweepId);
            await().atMost(Duration.ofSeconds(60)).pollInSameThread()
                    .until(() -> sweeps.find(sweepId).orElseThrow().status() == SweepStatus.FINISHED);
            long configurationId = sweeps.configurationOptions(sweepId).keySet().iterator().next();
            long id = watches.create(new WatchRequest(sweepId, configurationId, null, null, null, null));
            watches.checkNow(id);
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> done(id) == 1);
            server.close();
            server = simulator(port, "0.32.16", 0.8);
            endpoints.refreshAll();
            await().atMost(Duration.ofSeconds(60)).pollInSameThread().until(() -> done(id) == 2);

            browser.get(url("/watches/" + id));
            wait.until(d -> !d.findElements(By.cssSelector(".watch-timeline .apexcharts-svg")).isEmpty());
            check(1440, 900);
            screenshot("watch-regression-1440.png");

            browser.quit();
            browser = Browser.start(390, 844);
            wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            browser.get(url("/watches/" + id));
            wait.until(d -> !d.findElements(By.cssSelector(".watch-timeline .apexcharts-svg")).isEmpty());
            check(390, 844);
            screenshot("watch-regression-390.png");
        } finally {
            server.close();
        }
    }

    private long done(long id) {
        WatchReport report = watches.report(id).orElseThrow();
        return report.checks().stream().filter(c -> c.status().equals("DONE")).count();
    }

    private void check(int width, int height) {
        settle();
        String where = "at " + width + " px";
        @SuppressWarnings("unchecked")
        List<String> overflow = (List<String>) script(ReadableLayoutIT.OVERFLOW);
        assertThat(overflow).as(where + ": wider than the screen").isEmpty();
        var headline = browser.findElement(By.cssSelector(".watch-headline"));
        assertThat(headline.getText()).startsWith("Regressed: −").contains("Ollama version 0.32.15 → 0.32.16");
        Number top = (Number) script("return arguments[0].getBoundingClientRect().top", headline);
        assertThat(top.doubleValue()).as(where + ": the verdict on the first screen").isBetween(0.0, height * 0.6);
        String chart = browser.findElement(By.cssSelector(".watch-timeline-decode")).getText();
        assertThat(chart).as(where + ": the version change is marked on the timeline").contains("0.32.16");
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN")
                .doesNotContain("REGRESSED").doesNotContain("UNCHANGED").doesNotContain("INCONCLUSIVE");
    }

    static OllamaSimulator simulator(int port, String version, double speed) {
        return OllamaSimulator.start(InetAddress.getLoopbackAddress(), port, 11, 0.01, 4, 12, 8, version, speed);
    }
}
