package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Bench;
import org.chimerabench.support.Browser;
import org.chimerabench.support.SyntheticSweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A sweep of 1,000 configurations (10 × 10 × 10, 3 trials per arm) rendered in headless Chromium: time from
 * navigation to a visible KPI row (target ≤ 2 s), with the Sweeps list page as the same-run reference; and
 * proof that the configurations grid is lazy (rendered cells, not 1,000 rows of components).
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
@AsAdmin
class ResultsPageBenchmarkTest {

    static final int RUNS = 5;

    @LocalServerPort
    int port;
    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void resultsPageOf1000Configurations() {
        long id = new SyntheticSweep(lifecycle, jdbc, transactions).create(10, 10, 10, 3);
        ChromeDriver browser = Browser.start(1440, 900);
        try {
            String results = "http://localhost:" + port + "/sweeps/" + id;
            String list = "http://localhost:" + port + "/sweeps";
            visible(browser, results, ".kpi-row .stat-value"); // warm-up: bundle, JIT, analysis cache
            visible(browser, list, "vaadin-grid.sweeps-grid");
            double[] resultsMs = new double[RUNS];
            double[] chartsMs = new double[RUNS];
            double[] listMs = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long start = System.nanoTime();
                resultsMs[i] = visible(browser, results, ".kpi-row .stat-value");
                new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(5)).until(driver ->
                        driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 4);
                chartsMs[i] = (System.nanoTime() - start) / 1e6;
                listMs[i] = visible(browser, list, "vaadin-grid.sweeps-grid");
            }
            visible(browser, results, ".kpi-row .stat-value");
            String cells = "return document.querySelectorAll("
                    + "'vaadin-grid.configurations-grid vaadin-grid-cell-content').length;";
            new WebDriverWait(browser, Duration.ofSeconds(60)).until(driver ->
                    (Long) ((JavascriptExecutor) driver).executeScript(cells) > 0);
            long renderedCells = (Long) ((JavascriptExecutor) browser).executeScript(cells);
            Bench.print("results_page_1000_configs_kpi_visible_ms", Bench.median(resultsMs), "ms");
            Bench.print("results_page_1000_configs_all_charts_drawn_ms", Bench.median(chartsMs), "ms");
            Bench.print("sweeps_list_page_visible_ms", Bench.median(listMs), "ms");
            Bench.print("results_vs_list_page_ratio", Bench.median(resultsMs) / Bench.median(listMs), "x");
            Bench.print("configurations_grid_rendered_cells", renderedCells, "cells");
            assertThat(renderedCells).as("lazy grid: some rows rendered, far fewer than 1,000 rows × 15 columns")
                    .isBetween(15L, 1000L);
        } finally {
            browser.quit();
        }
    }

    /** Milliseconds from navigation start to the first visible element matching the selector. */
    private static double visible(ChromeDriver browser, String url, String selector) {
        long start = System.nanoTime();
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(60), Duration.ofMillis(5)).until(driver ->
                driver.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed));
        return (System.nanoTime() - start) / 1e6;
    }
}
