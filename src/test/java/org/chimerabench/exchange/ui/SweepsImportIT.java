package org.chimerabench.exchange.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** Real Chromium against the running app: upload the seed CSV through the UI and see two sweeps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AsAdmin
class SweepsImportIT extends BrowserTest {

    @Autowired
    SweepService sweeps;

    @Test
    void uploadTheSeedCsvAndSeeTwoSweeps() throws Exception {
        long before = sweeps.count();
        openSweeps();
        chooseFiles(List.of(SeedFiles.summaryCsv()));
        clickImport("Import 1 file");

        // two sweeps from one file: the user lands on their comparison, then finds both in the list
        wait.until(driver -> sweeps.count() == before + 2 && driver.getCurrentUrl().contains("/compare?a="));
        wait.until(driver -> !driver.findElements(By.cssSelector(".compare-verdict")).isEmpty());
        openSweeps();
        wait.until(driver -> gridText().contains("39 % (7/18)"));
        String grid = gridText();
        assertThat(grid).contains("rust").contains("python").contains("72 % (13/18)")
                .contains("imported · rust_vs_python_sweep_summary.csv").contains("Throughput: no practical difference");
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
        long id = sweeps.list().get(0).id();
        wait.until(driver -> driver.getCurrentUrl().endsWith("/sweeps/" + id));
        assertThat(wait.until(driver -> driver.findElements(By.cssSelector(".verdict-sentence")).stream().findFirst()
                .orElse(null)).getText()).as("the user lands on the new sweep, verdict first")
                .startsWith("Tuned options:");
    }

    private void openSweeps() {
        browser.get(url("/sweeps"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("vaadin-upload")));
    }

    /** Sends the files to vaadin-upload's file input, as a user choosing them in the file dialog would. */
    private void chooseFiles(List<Path> files) {
        WebElement upload = browser.findElement(By.tagName("vaadin-upload"));
        WebElement input = (WebElement) script(
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
        return (String) script(
                "const g = document.querySelector('vaadin-grid.sweeps-grid');"
                        + " return g ? Array.from(g.querySelectorAll('vaadin-grid-cell-content'))"
                        + ".map(c => c.textContent).join(' | ') : '';");
    }

}
