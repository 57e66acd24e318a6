package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.chimerabench.support.Browser;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** Real Chromium against the running app: upload the seed CSV through the UI and see two sweeps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class SweepsImportIT {

    @LocalServerPort
    int port;

    @Autowired
    SweepService sweeps;

    ChromeDriver browser;
    WebDriverWait wait;

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

    @Test
    void uploadTheSeedCsvAndSeeTwoSweeps() throws Exception {
        long before = sweeps.count();
        openSweeps();
        chooseFiles(List.of(SeedFiles.summaryCsv()));
        clickImport("Import 1 file");

        wait.until(driver -> sweeps.count() == before + 2 && gridText().contains("38.9 % (7/18)"));
        String grid = gridText();
        assertThat(grid).contains("rust").contains("python").contains("72.2 % (13/18)")
                .contains("rust_vs_python_sweep_summary.csv");
        assertThat(sweeps.count()).isEqualTo(before + 2);
        screenshot("sweeps-import.png");
    }

    @Test
    void severalMetricsFilesAtOnceBecomeOneSweep() {
        long before = sweeps.count();
        openSweeps();
        chooseFiles(SeedFiles.rustMetrics());
        clickImport("Import 18 files");
        wait.until(driver -> sweeps.count() == before + 1);
        assertThat(sweeps.list().get(0).configurations()).isEqualTo(18);
    }

    private void openSweeps() {
        browser.get("http://localhost:" + port + "/sweeps");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
    }

    /** Sends the files to vaadin-upload's file input, as a user choosing them in the file dialog would. */
    private void chooseFiles(List<Path> files) {
        WebElement upload = browser.findElement(By.tagName("vaadin-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser).executeScript(
                "return arguments[0].shadowRoot.querySelector('input[type=file]')"
                        + " || arguments[0].querySelector('input[type=file]');", upload);
        input.sendKeys(files.stream().map(f -> f.toAbsolutePath().normalize().toString())
                .collect(Collectors.joining("\n")));
    }

    private void clickImport(String caption) {
        WebElement button = wait.until(driver -> driver.findElements(By.cssSelector("vaadin-button.import-button"))
                .stream().filter(b -> b.isDisplayed() && b.getText().contains(caption)).findFirst().orElse(null));
        button.click();
    }

    private String gridText() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "const g = document.querySelector('vaadin-grid.sweeps-grid');"
                        + " return g ? Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".map(c => c.textContent).join(' | ') : '';");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.write(target.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
    }
}
