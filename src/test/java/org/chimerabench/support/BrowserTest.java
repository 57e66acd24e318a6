package org.chimerabench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
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
        logIn(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    }

    /** Logs in through the login page, as a person would; waits until the app's shell is shown. */
    protected void logIn(String username, String password) {
        browser.get(url("/login"));
        WebElement user = wait.until(driver -> driver.findElements(
                By.cssSelector("vaadin-login-form vaadin-text-field[name=username] input")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null));
        user.sendKeys(username);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-password-field[name=password] input"))
                .sendKeys(password);
        browser.findElement(By.cssSelector("vaadin-login-form vaadin-button[theme~=submit]")).click();
        wait.until(driver -> !driver.getCurrentUrl().contains("/login")
                && !driver.findElements(By.cssSelector("vaadin-app-layout")).isEmpty());
    }

    /** Logs out through the navbar's button; the login page is shown again. */
    protected void logOut() {
        wait.until(driver -> driver.findElements(By.cssSelector("vaadin-button.logout")).stream()
                .filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
        wait.until(driver -> driver.getCurrentUrl().contains("/login"));
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
