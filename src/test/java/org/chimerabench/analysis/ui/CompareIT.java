package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** Real Chromium: the seed's rust vs python comparison with its charts. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class CompareIT extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analyses;

    @Test
    void rustVersusPythonWithCharts() throws Exception {
        SeedSweeps seed = SeedSweeps.importSummaryCsv(context);
        browser.get(url("/compare?a=" + seed.rust() + "&b=" + seed.python()));
        wait.until(driver -> driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 2);
        String page = browser.findElement(By.cssSelector(".compare-view")).getText();
        assertThat(page).contains("72 %").contains("39 %").contains("Both sweeps measured the same configurations.")
                .contains("Tuned time to first token: rust 3749 ms vs python 1559 ms — python better by 2190 ms");
        screenshot("compare.png");
    }
}
