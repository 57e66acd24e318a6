package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * A stakeholder opens a share link in a browser that never logged in: the verdict and the charts, nothing to
 * navigate to, no API; once revoked, the link is gone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class SharedResultsIT extends BrowserTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ShareLinkService shares;

    @Test
    void aShareLinkOpensTheResultsLoggedOut() throws Exception {
        long rust = SeedSweeps.importSummaryCsv(context).rust();
        ShareLinkService.Created link = shares.create(rust, null, null);

        ChromeDriver stranger = Browser.start(1440, 900);
        try {
            WebDriverWait waiting = new WebDriverWait(stranger, Duration.ofSeconds(90));
            stranger.get(url(link.url()));
            WebElement rate = waiting.until(d -> d.findElements(By.cssSelector(".kpi-success-rate .stat-value"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
            assertThat(rate.getText()).isEqualTo("72 %");
            waiting.until(d -> d.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 2);
            assertThat(stranger.findElements(By.cssSelector("vaadin-side-nav, vaadin-app-layout")))
                    .as("no navigation").isEmpty();
            List<String> links = stranger.findElements(By.cssSelector("a[href]")).stream()
                    .map(a -> a.getDomAttribute("href")).toList();
            assertThat(links).as("only its own report").allMatch(href -> href.startsWith("shared/"));
            Object api = stranger.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + " fetch('/api/sweeps', {headers: {'X-Requested-With': 'XMLHttpRequest'}})"
                    + ".then(r => done(r.status), e => done(-1));");
            assertThat(((Number) api).intValue()).as("GET /api/sweeps from the shared page").isEqualTo(401);
            Files.createDirectories(Path.of("target", "screenshots"));
            Files.write(Path.of("target", "screenshots", "shared-results.png"),
                    stranger.getScreenshotAs(OutputType.BYTES));

            shares.revoke(link.id());
            stranger.navigate().refresh();
            waiting.until(d -> d.getPageSource().contains("This link does not exist"));
        } finally {
            stranger.quit();
        }
    }
}
