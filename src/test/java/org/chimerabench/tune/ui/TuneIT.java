package org.chimerabench.tune.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.home.ui.ReadableLayoutIT;
import org.chimerabench.simulator.OllamaSimulator;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Browser;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.TestUsers;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * In real Chromium, as a user would: from the Endpoints page, click a model to tune it, start the tuning, and read the
 * answer card when it ends — at 1440 × 900 and at 390 × 844: the confirmed gain is the first thing the page says,
 * the Modelfile and the API JSON are there with their copy buttons, and nothing is wider than the screen.
 * Screenshots: target/screenshots/tune-*.png (the README's is taken from the 1440 one).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
@Order(4) // longest first, packaged-app and browser tests alternating
class TuneIT extends BrowserTest {

    @Autowired
    EndpointService endpoints;

    @Test
    void aModelIsTunedFromTheEndpointsPageAndTheAnswerComesFirstOnAnyScreen() throws Exception {
        try (OllamaSimulator card = OllamaSimulator.start(InetAddress.getLoopbackAddress(), 0, 7, 0.005, 4, 8, 8)) {
            endpoints.add("gpu-8gib", card.baseUrl(), null);
            browser.get(url("/endpoints"));
            WebElement link = wait.until(d -> d.findElements(By.cssSelector("a.tune-link")).stream()
                    .filter(a -> a.getText().equals("qwen3-sim:8b") && a.getAttribute("href").contains("gpu-8gib"))
                    .findFirst().orElse(null));
            script("arguments[0].click()", link);
            WebElement start = wait.until(d -> d.findElements(By.cssSelector("vaadin-button.start-tuning")).stream()
                    .filter(WebElement::isDisplayed).findFirst().orElse(null));
            settle();
            assertThat((String) script("return document.querySelector('.tune-form vaadin-combo-box input').value"))
                    .isEqualTo("gpu-8gib");
            script("arguments[0].click()", start);

            WebElement headline = new WebDriverWait(browser, Duration.ofMinutes(4)).until(d -> d.findElements(
                    By.cssSelector(".answer-card .answer-headline")).stream().findFirst().orElse(null));
            String tuning = browser.getCurrentUrl();
            assertThat(tuning).contains("/tunings/");
            assertThat(headline.getText()).startsWith("Throughput +").contains("against Ollama's defaults (95 % CI")
                    .endsWith(": better");
            check(1440, 900);
            screenshot("tune-answer-1440.png");

            browser.quit();
            browser = Browser.start(390, 844);
            wait = new WebDriverWait(browser, Duration.ofSeconds(90));
            logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
            browser.get(tuning);
            wait.until(d -> !d.findElements(By.cssSelector(".answer-card .answer-headline")).isEmpty());
            check(390, 844);
            screenshot("tune-answer-390.png");
        }
    }

    private void check(int width, int height) {
        settle();
        String where = "at " + width + " px";
        @SuppressWarnings("unchecked")
        List<String> overflow = (List<String>) script(ReadableLayoutIT.OVERFLOW);
        assertThat(overflow).as(where + ": wider than the screen").isEmpty();
        Number top = (Number) script("return arguments[0].getBoundingClientRect().top",
                browser.findElement(By.cssSelector(".answer-card .answer-headline")));
        assertThat(top.doubleValue()).as(where + ": the answer on the first screen").isBetween(0.0, height * 0.6);
        String first = (String) script("""
                const card = document.querySelector('.tuning-view');
                const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
                let n; const texts = [];
                while ((n = walker.nextNode())) { if (n.textContent.trim()) texts.push(n.textContent.trim()); }
                return texts.join(' | ');""");
        assertThat(first).as(where + ": the answer before the stages").containsSubsequence("Throughput +",
                "Recommended: num_gpu=", "Stages");
        for (String copy : List.of(".copy-modelfile", ".copy-api")) {
            assertThat(browser.findElement(By.cssSelector(copy)).isDisplayed()).as(where + " " + copy).isTrue();
        }
        assertThat(browser.findElement(By.tagName("body")).getText()).doesNotContain("NaN")
                .doesNotContain("THROUGHPUT").doesNotContain("FIRST_TOKEN").doesNotContain("INCONCLUSIVE");
    }
}
