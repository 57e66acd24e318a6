package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A fleet sweep in a real browser: two endpoints (the built-in simulator under two names) share the
 * configurations; the results page shows the per-endpoint breakdown and filters to one endpoint. Sampling options
 * only: the two "endpoints" are one server, and load-time options sent by two workers at once would reload it under
 * each other — which the runner rightly reports as disturbed and the analysis as invalid (§4.2).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class FleetResultsIT extends BrowserTest {

    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;
    @Autowired
    ExecutionService execution;

    @Test
    void breakdownAndOneEndpointsVerdict() throws Exception {
        EndpointView simulator = endpoints.list().stream().filter(EndpointView::simulated).findFirst().orElseThrow();
        endpoints.add("Simulator rack B", simulator.baseUrl(), "the built-in simulator under a second name");
        long id = sweeps.create(new SweepDefinition("Fleet sweep", null, List.of(simulator.name(),
                "Simulator rack B"), "llama3.2-sim:3b", new SweepDefinition.Workload("SINGLE_PROMPT",
                "Explain GPU offloading.", null), Map.of("temperature", List.of(0.5, 0.8), "seed", List.of(1, 2)),
                null, null, 2, 0, false, null, null, false, 16, null, null));
        execution.start(id);
        await("fleet sweep finished").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                .until(() -> sweeps.find(id).orElseThrow().status() == SweepStatus.FINISHED);

        browser.get(url("/sweeps/" + id));
        wait.until(driver -> driver.findElements(By.cssSelector(".endpoint-breakdown")).size() == 1
                && driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 4);
        String breakdown = browser.findElement(By.cssSelector(".endpoint-breakdown")).getText();
        assertThat(breakdown).contains("Built-in simulator").contains("Simulator rack B");
        assertThat(browser.findElement(By.cssSelector(".kpi-success-rate")).getText())
                .contains("of 4 configurations faster");
        screenshot("fleet-results.png");

        browser.get(url("/sweeps/" + id + "?endpoint=Simulator%20rack%20B"));
        wait.until(driver -> driver.findElements(By.cssSelector(".kpi-success-rate")).size() == 1
                && driver.findElement(By.cssSelector(".kpi-success-rate")).getText()
                .contains("of 2 configurations faster"));
        assertThat(browser.findElements(By.cssSelector(".endpoint-breakdown"))).isEmpty();
    }
}
