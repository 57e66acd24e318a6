package org.chimerabench.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A team's first hour, in a real browser: the admin logs in and creates an operator; the operator logs in, loads
 * the published example, runs a small sweep on the built-in simulator and shares its results; the link opens in a
 * browser that never logged in. Own database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:first-hour-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
@Order(6) // longest first, packaged-app and browser tests alternating
class NewUserFlowIT extends BrowserTest {

    static final String PASSWORD = "olivia-long-password";

    @Test
    void adminCreatesAnOperatorWhoRunsAndSharesASweep() throws Exception {
        browser.get(url("/users")); // the base class logged in as admin
        click(visible(By.cssSelector("vaadin-button.new-user")));
        visible(By.cssSelector("vaadin-dialog-overlay vaadin-text-field input")).sendKeys("olivia");
        visible(By.cssSelector("vaadin-dialog-overlay vaadin-password-field input")).sendKeys(PASSWORD);
        click(visible(By.cssSelector("vaadin-dialog-overlay vaadin-select")));
        click(wait.until(d -> d.findElements(By.cssSelector("vaadin-select-item")).stream()
                .filter(item -> item.getText().startsWith("Operator")).findFirst().orElse(null)));
        click(visible(By.cssSelector("vaadin-button.create-user")));
        wait.until(d -> d.findElement(By.cssSelector(".users-grid")).getText().contains("olivia"));

        logOut();
        logIn("olivia", PASSWORD);
        assertThat(visible(By.cssSelector(".account-name")).getText()).isEqualTo("olivia · operator");
        click(visible(By.cssSelector("vaadin-button.load-example")));
        wait.until(d -> d.getCurrentUrl().contains("/compare?a="));
        visible(By.cssSelector(".compare-view"));

        browser.get(url("/sweeps/new"));
        click(visible(By.cssSelector("vaadin-button.create-and-start")));
        new WebDriverWait(browser, Duration.ofSeconds(180)).until(d ->
                d.findElements(By.cssSelector(".live-progress")).isEmpty()
                        && !d.findElements(By.cssSelector(".kpi-success-rate .stat-value")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".results-header")).getText()).contains("simulated");

        click(visible(By.cssSelector("vaadin-button.share-sweep")));
        click(visible(By.cssSelector("vaadin-button.create-share")));
        String link = wait.until(d -> {
            Object value = script("const f = document.querySelector('vaadin-text-field.share-link');"
                    + " return f && f.value && f.value.includes('/shared/') ? f.value : null;");
            return value == null ? null : value.toString();
        });
        assertThat(link).startsWith(url("/shared/"));

        ChromeDriver stranger = Browser.start(1440, 900);
        try {
            stranger.get(link);
            WebElement rate = new WebDriverWait(stranger, Duration.ofSeconds(90)).until(d -> d.findElements(
                    By.cssSelector(".kpi-success-rate .stat-value")).stream().filter(WebElement::isDisplayed)
                    .findFirst().orElse(null));
            assertThat(rate.getText()).endsWith("%");
            assertThat(stranger.findElements(By.cssSelector("vaadin-side-nav"))).isEmpty();
        } finally {
            stranger.quit();
        }
    }

    private WebElement visible(By by) {
        return wait.until(d -> d.findElements(by).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    private void click(WebElement element) {
        script("arguments[0].click()", element);
    }
}
