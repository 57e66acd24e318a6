package org.chimerabench.sweep.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * As a new user would: open the app, define a small sweep on the built-in simulator in the editor, start it,
 * watch the progress, and land on the results with charts; and a sweep under load (concurrency 1, 2, 4) whose
 * results page draws the throughput–latency curve.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
@Order(2) // longest first, packaged-app and browser tests alternating
class NewSweepIT extends BrowserTest {

    @Autowired
    SweepService sweeps;
    @Autowired
    SweepStarter starter;
    @Autowired
    ObjectMapper json;

    @Test
    void defineRunAndReadTheVerdict() throws Exception {
        browser.get(url("/"));
        wait.until(driver -> !driver.findElements(By.cssSelector("vaadin-side-nav-item")).isEmpty());
        WebElement newSweep = browser.findElements(By.cssSelector("vaadin-side-nav-item")).stream()
                .filter(item -> item.getText().contains("New sweep")).findFirst().orElseThrow();
        script("arguments[0].shadowRoot.querySelector('a').click()", newSweep);
        WebElement start = wait.until(driver -> driver.findElements(By.cssSelector("vaadin-button.create-and-start"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(browser.findElement(By.cssSelector(".call-preview")).getText()).contains("= 24 calls");
        screenshot("new-sweep-editor.png");
        script("arguments[0].click()", start);

        WebElement progress = wait.until(driver -> driver.findElements(By.cssSelector(".live-progress .progress-text"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        String first = progress.getText();
        script("window.__sameDocument = true");
        wait.until(driver -> driver.findElements(By.cssSelector(".live-progress .apex-chart svg.apexcharts-svg"))
                .size() == 2 && driver.findElement(By.cssSelector(".live-progress .progress-eta")).getText()
                .startsWith("ETA "));
        wait.until(driver -> calls(driver.findElement(By.cssSelector(".live-progress .progress-text")).getText())
                >= 8); // some measured calls in the live charts
        screenshot("new-sweep-running.png");
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(driver ->
                driver.findElements(By.cssSelector(".live-progress")).isEmpty()
                        && !driver.findElements(By.cssSelector(".kpi-success-rate .stat-value")).isEmpty());
        assertThat(first).matches("(Queued|Running) — \\d+ of 24 calls stored");
        assertThat(script("return window.__sameDocument === true")).as("results shown without a reload")
                .isEqualTo(true);
        wait.until(driver -> driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 4);
        assertThat(browser.findElement(By.cssSelector(".results-header")).getText()).contains("simulated")
                .contains("finished");
        screenshot("new-sweep-results.png");
    }

    @Test
    void aSweepUnderLoadDrawsItsThroughputLatencyCurve() throws Exception {
        long id = sweeps.create(json.readValue("""
                {"name":"How many agents can one GPU serve?","endpoints":["Built-in simulator"],
                 "model":"llama3.2-sim:3b","workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                 "axes":{"num_gpu":[20,28],"concurrency":[1,2,4]},"repetitions":2,"warmups":1,"maxTokens":48}""",
                SweepDefinition.class));
        starter.start(id);
        await("the sweep finished").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> sweeps.find(id).orElseThrow().status() == SweepStatus.FINISHED);
        browser.get(url("/sweeps/" + id));
        new WebDriverWait(browser, Duration.ofSeconds(120)).until(driver ->
                !driver.findElements(By.cssSelector(".throughput-latency-chart svg.apexcharts-svg")).isEmpty());
        WebElement chart = browser.findElement(By.cssSelector(".throughput-latency-chart"));
        script("arguments[0].scrollIntoView({block: 'start'})", chart);
        assertThat(chart.findElements(By.cssSelector(".apexcharts-series[seriesName]")))
                .as("a line per configuration (num_gpu 20, 28) and arm").hasSize(4);
        assertThat(chart.findElements(By.cssSelector(".apexcharts-series[seriesName] path.apexcharts-line")))
                .as("each drawn as a line through its load levels").hasSize(4);
        assertThat(chart.findElements(By.cssSelector(".apexcharts-series-markers circle, .apexcharts-marker")))
                .as("one point per load level").hasSizeGreaterThanOrEqualTo(12);
        assertThat(chart.getText()).contains("TTFT p95 (ms)").contains("aggregate tok/s");
        assertThat(browser.findElement(By.cssSelector(".load-grid")).getText()).contains("concurrency 4");
        screenshot("load-results.png");
    }

    private static int calls(String progressText) {
        Matcher matcher = Pattern.compile("— (\\d+) of").matcher(progressText);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : 0;
    }
}
