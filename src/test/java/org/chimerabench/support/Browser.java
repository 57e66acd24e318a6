package org.chimerabench.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for real-browser tests (docs/architecture.md §9). The explicit driver path means Selenium
 * Manager never runs, so nothing is downloaded. {@code .ci/run} installs chromium and chromium-driver.
 */
public final class Browser {

    private Browser() {
    }

    public static ChromeDriver start(int width, int height) {
        File driver = new File(System.getProperty("chimera.chromedriver", "/usr/bin/chromedriver"));
        File chromium = new File(System.getProperty("chimera.chromium", "/usr/bin/chromium"));
        if (!driver.canExecute() || !chromium.canExecute()) {
            throw new IllegalStateException("real-browser tests need " + chromium + " and " + driver
                    + ": apt-get install -y chromium chromium-driver (.ci/run does this)");
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(chromium);
        try {
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--window-size=" + width + "," + height,
                    "--user-data-dir=" + Files.createTempDirectory("chrome"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeDriver browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        if (width < 500) { // headless Chromium's window is at least 500 px wide: emulate a phone's viewport instead
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width,
                    "height", height, "deviceScaleFactor", 1, "mobile", true));
        }
        return browser;
    }
}
