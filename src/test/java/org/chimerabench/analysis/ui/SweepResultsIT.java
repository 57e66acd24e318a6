package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Real Chromium: the results page of the imported `rust` sweep shows its verdict and draws its charts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class SweepResultsIT extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analyses;

    @Test
    void rustSweepShowsSuccessRateRecommendationsAndCharts() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();

        browser.get(url("/sweeps/" + rust));
        WebElement successRate = wait.until(driver -> driver.findElements(By.cssSelector(".kpi-success-rate .stat-value"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(successRate.getText()).isEqualTo("72 %");
        assertThat(successRate.getAttribute("class")).as("not significant: no green").doesNotContain("good");
        assertThat(browser.findElement(By.cssSelector(".verdict-sentence")).getText())
                .startsWith("Tuned options: no practical throughput difference");

        for (String useCase : List.of("Maximum throughput", "Balanced", "Consistency", "Resource-efficient")) {
            WebElement cell = wait.until(driver -> driver.findElements(By.cssSelector(
                            ".recommendation-grid .recommendation-use-case")).stream()
                    .filter(c -> c.getText().equals(useCase)).findFirst().orElse(null));
            script("arguments[0].scrollIntoView({block:'center'})", cell);
            assertThat(cell.isDisplayed()).as(useCase).isTrue();
        }

        script("document.querySelector('.results-header').scrollIntoView()");
        wait.until(driver -> driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 4);
        List<WebElement> charts = browser.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg"));
        assertThat(charts).hasSizeGreaterThanOrEqualTo(4);
        assertThat(charts.get(0).getSize().getWidth()).as("chart has a width").isGreaterThan(200);

        assertNoHorizontalOverflow();
        screenshot("sweep-results.png");

        browser.manage().window().setSize(new Dimension(1920, 1080)); // a projector
        wait.until(driver -> (Long) script("return document.documentElement.clientWidth;") > 1800);
        assertNoHorizontalOverflow();
        screenshot("sweep-results-1920.png");
    }

    @Test
    void printableReportShowsTheRecommendationMatrix() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();
        browser.get(url("/sweeps/" + rust + "/report"));
        WebElement heading = wait.until(driver -> driver.findElements(By.cssSelector(".report-body h2")).stream()
                .filter(h -> h.getText().equals("5. Recommendation matrix")).findFirst().orElse(null));
        WebElement table = heading.findElement(By.xpath("following-sibling::div[1]//table"));
        String matrix = table.getText();
        assertThat(matrix).contains("Maximum throughput").contains("Balanced").contains("Consistency")
                .contains("Resource-efficient").contains("num_gpu=60 · num_ctx=1024 · temperature=0.8")
                .contains("single trial — not testable");
        wait.until(driver -> !driver.findElements(By.cssSelector(".report-chart svg.apexcharts-svg")).isEmpty());
        screenshot("sweep-report.png");
    }

    @Test
    void dashboardCardsDrawTheirSparklines() throws Exception {
        SeedSweeps.importSummaryCsv(context);
        browser.get(url("/"));
        wait.until(driver -> driver.findElements(By.cssSelector(".sweep-card .sparkline svg.apexcharts-svg")).size() >= 2);
        Long bars = wait.until(driver -> {
            Long count = (Long) script("return document.querySelectorAll('.sparkline .apexcharts-bar-area').length;");
            return count >= 36 ? count : null;
        });
        assertThat(bars).as("18 bars per sweep card").isGreaterThanOrEqualTo(36);
        assertThat(browser.findElement(By.cssSelector(".sweep-card .card-detail")).getText())
                .matches("Success rate \\d+ %: \\d+ of 18 configurations faster");
        screenshot("dashboard.png");
    }

    /** The page never scrolls sideways: nothing in the view is wider than the view. */
    private void assertNoHorizontalOverflow() {
        Boolean fits = (Boolean) script(
                "const v = document.querySelector('.results-view');"
                        + " return v.scrollWidth <= v.clientWidth + 1"
                        + " && document.documentElement.scrollWidth <= window.innerWidth + 1;");
        assertThat(fits).as("no horizontal scrolling").isTrue();
    }
}
