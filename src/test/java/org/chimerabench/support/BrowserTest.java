package org.chimerabench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the real-browser tests: a fresh headless Chromium (1440×900) per test against the app on a random port. */
public abstract class BrowserTest {

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        browser = Browser.start(1440, 900);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected Object script(String javascript, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(javascript, arguments);
    }

    /** Saves a screenshot under target/screenshots/ (never committed). */
    protected void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
