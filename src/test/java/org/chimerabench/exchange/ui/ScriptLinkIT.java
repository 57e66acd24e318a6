package org.chimerabench.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.SignedIn;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Issue 25, in real Chromium: an operator names a sweep {@code Q3 [raw data](javascript:alert(document.domain))}.
 * The printable report — logged in, and through a share link a logged-out stakeholder opens — shows the name as
 * text, and no link on either page goes to a {@code javascript:} or {@code data:} address.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class ScriptLinkIT extends BrowserTest {

    static final String NAME = "Q3 [raw data](javascript:alert(document.domain)) <img src=x onerror=alert(1)>"
            + " [more](data:text/html,<script>alert(1)</script>)";

    @Autowired
    ApplicationContext context;
    @Autowired
    ShareLinkService shares;

    @Test
    void aMarkdownLinkInASweepNameIsTextInTheReportLoggedInAndShared() {
        long id = SignedIn.asAdmin(context, () -> context.getBean(SweepService.class).create(new SweepDefinition(
                NAME, null, List.of("Built-in simulator"), "llama3.2-sim:3b",
                new SweepDefinition.Workload("SINGLE_PROMPT", "hi", null), Map.<String, Object>of("temperature",
                List.of(0.5)), null, null, 1, null, null, null, null, null, 8, null, null)));
        browser.get(url("/sweeps/" + id + "/report"));
        assertTheNameIsText(browser, wait);

        ShareLinkService.Created link = SignedIn.asAdmin(context, () -> shares.create(id, null, null));
        ChromeDriver stranger = Browser.start(1440, 900);
        try {
            stranger.get(url(link.url() + "/report"));
            assertTheNameIsText(stranger, new WebDriverWait(stranger, Duration.ofSeconds(90)));
        } finally {
            stranger.quit();
        }
    }

    private static void assertTheNameIsText(ChromeDriver page, WebDriverWait waiting) {
        WebElement title = waiting.until(d -> d.findElements(By.cssSelector(".report-body h1")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        assertThat(title.getText()).isEqualTo("Technical report: " + NAME);
        List<String> hrefs = page.findElements(By.cssSelector("a[href]")).stream()
                .map(a -> a.getDomProperty("href").strip().toLowerCase(Locale.ROOT)).toList();
        assertThat(hrefs).noneMatch(href -> href.startsWith("javascript:") || href.startsWith("data:"));
        assertThat(page.findElements(By.cssSelector(".report-body img"))).as("no image from the name").isEmpty();
        assertThat(page.getPageSource()).doesNotContain("href=\"javascript:");
    }
}
