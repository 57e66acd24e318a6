package org.chimerabench.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Base of the real-browser tests: one headless Chromium (1440×900) for every test of the test JVM (started by the
 * first, closed when the JVM ends), against the app on a random port; each test starts signed out (cookies and
 * storage cleared) and logs in as the admin. A test that needs another window size or a second person starts its
 * own browser and closes it.
 */
@ResourceLock("chromium") // one real browser at a time (failsafe runs a packaged-app test beside it)
// every browser test's app runs its simulator at 5× speed, so the subclasses without properties of their own share one
// Spring context (a sweep started in the browser ends in seconds)
@TestPropertySource(properties = "chimera.simulator.time-scale=0.2")
public abstract class BrowserTest {

    private static ChromeDriver shared;

    @LocalServerPort
    protected int port;

    protected ChromeDriver browser;
    protected WebDriverWait wait;

    @BeforeEach
    void openBrowser() {
        if (shared == null) {
            shared = Browser.start(1440, 900);
            Runtime.getRuntime().addShutdownHook(new Thread(BrowserTest::quitShared));
        } else {
            shared.get(url("/login"));
            shared.manage().deleteAllCookies();
            shared.executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
        }
        browser = shared;
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

    /** A browser the test started itself (another window size) is closed; so is the shared one if it replaced it. */
    @AfterEach
    void closeOwnBrowser() {
        if (browser != null && browser != shared) {
            browser.quit();
            quitShared();
        }
    }

    private static synchronized void quitShared() {
        if (shared != null) {
            try {
                shared.quit();
            } catch (WebDriverException alreadyClosed) {
                // a test quit it to start a browser of another size
            }
            shared = null;
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /**
     * Until the page has settled: no server round trip pending, no grid loading rows, every chart on screen drawn, and the layout unchanged
     * over two frames (a signal, not a guessed pause).
     */
    protected void settle() {
        wait.until(driver -> Boolean.TRUE.equals(script(SETTLED)));
    }

    private static final String SETTLED = """
            const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
            if (clients && Object.values(clients).some(c => c.isActive && c.isActive())) return false;
            const charts = [...document.querySelectorAll('.apex-chart')].filter(c => c.clientWidth > 0);
            if (charts.some(c => !c.querySelector('svg.apexcharts-svg'))) return false;
            if ([...document.querySelectorAll('vaadin-grid')].some(g => g.loading)) return false;
            const shape = () => document.documentElement.scrollWidth + 'x' + document.documentElement.scrollHeight
                + ':' + document.getElementsByTagName('*').length;
            const before = shape();
            return new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(shape() === before))));
            """;

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
