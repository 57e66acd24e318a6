package org.chimerabench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.support.Bench;
import org.chimerabench.support.BrowserTest;
import org.chimerabench.support.PostgresTestDatabase;
import org.chimerabench.support.SyntheticSweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Scale figures (issue 15): the pages and the analysis on a small database (one sweep of 1,000 configurations and
 * 100,000 calls), then the same after 999 more sweeps are generated (1,000 sweeps, 999,100 calls), in headless
 * Chromium against the app. Each figure is printed for both sizes, cold (first visit after the analysis cache is
 * emptied, as after a restart) and warm (median of 5 visits). H2 in a file by default; PostgreSQL with
 * {@code -Dchimera.test.postgres-url=…}. Run: {@code ./mvnw -B verify -Pbench -Dtest=ScaleBenchmarkTest}.
 */
@Tag("bench")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:file:./target/scale-bench/db-${random.uuid}")
@DirtiesContext
class ScaleBenchmarkTest extends BrowserTest {

    static final int WARM_RUNS = 5;
    static final String KPI = ".kpi-row .stat-value";
    static final String CARDS = ".sweep-cards .sweep-card";
    static final String LIST_ROWS = "vaadin-grid.sweeps-grid vaadin-grid-cell-content";

    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    AnalysisService analysis;

    final List<Long> ids = new ArrayList<>();

    /** Records, in each page, when the KPI row and each chart's SVG first appear (ms since navigation start). */
    static final String TIMELINE = """
            window.__timeline = {};
            new MutationObserver(() => {
              const t = window.__timeline;
              if (t.kpi === undefined && document.querySelector('.kpi-row .stat-value')) t.kpi = performance.now();
              document.querySelectorAll('.apex-chart').forEach(el => {
                const key = [...el.classList].filter(c => c.endsWith('-chart') && c !== 'apex-chart').join('+');
                if (key && t[key] === undefined && el.querySelector('svg.apexcharts-svg')) t[key] = performance.now();
              });
            }).observe(document, {subtree: true, childList: true});
            // when the ApexCharts script has run, and each chart's render() from its call to its drawn promise
            Object.defineProperty(window, 'ApexCharts', {configurable: true, get() { return undefined; }, set(lib) {
              window.__timeline.apexcharts_loaded = performance.now();
              const render = lib.prototype.render;
              lib.prototype.render = function () {
                const key = [...this.el.classList].filter(c => c.endsWith('-chart') && c !== 'apex-chart').join('+');
                window.__timeline[key + '_render_called'] = performance.now();
                return render.apply(this, arguments).then(r => {
                  window.__timeline[key + '_render_done'] = performance.now(); return r; });
              };
              Object.defineProperty(window, 'ApexCharts', {value: lib, writable: true, configurable: true});
            }});
            """;

    @Test
    void pagesAndAnalysisOnASmallAndOnAYearsDatabase() {
        String database = PostgresTestDatabase.serverUrl() == null ? "h2" : "postgresql";
        Bench.print("vaadin_production_mode", productionMode() ? 1 : 0, "flag", 0);
        SyntheticSweep generator = new SyntheticSweep(lifecycle, jdbc, transactions);
        long big = generator.create(10, 10, 10, 50); // 1,000 configurations × 2 arms × 50 trials
        ids.add(big);
        assertThat(generator.callCount(big)).isEqualTo(100_000);
        measure(database, "small", big);

        long start = System.nanoTime();
        for (int i = 0; i < 999; i++) {
            ids.add(generator.create(3, 3, 1, 50)); // 9 configurations × 2 arms × 50 = 900 calls
        }
        double generateSeconds = (System.nanoTime() - start) / 1e9;
        long sweepCount = jdbc.queryForObject("SELECT COUNT(*) FROM sweep", Long.class);
        long callCount = jdbc.queryForObject("SELECT COUNT(*) FROM call_record", Long.class);
        assertThat(sweepCount).isEqualTo(1000);
        assertThat(callCount).isEqualTo(999_100);
        Bench.print(database + "_generate_999_sweeps_899100_calls", generateSeconds, "s");
        Bench.print(database + "_database_sweeps", sweepCount, "sweeps");
        Bench.print(database + "_database_calls", callCount, "calls");
        measure(database, "large", big);
    }

    private void measure(String database, String size, long big) {
        String prefix = database + "_" + size + "_";
        String results = url("/sweeps/" + big);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", TIMELINE));
        // cold: every cached analysis dropped, as after a restart
        ids.forEach(analysis::evict);
        long start = System.nanoTime();
        analysis.analyse(big).orElseThrow();
        Bench.print(prefix + "analysis_100k_calls_cold", (System.nanoTime() - start) / 1e6, "ms");
        start = System.nanoTime();
        analysis.analyse(big).orElseThrow();
        Bench.print(prefix + "analysis_100k_calls_cached", (System.nanoTime() - start) / 1e6, "ms");

        ids.forEach(analysis::evict);
        Bench.print(prefix + "dashboard_first_paint_cold", visible(url("/"), CARDS), "ms");
        Bench.print(prefix + "sweeps_list_first_paint_cold", visible(url("/sweeps"), LIST_ROWS), "ms");
        ids.forEach(analysis::evict);
        double[] cold = resultsPage(results);
        Bench.print(prefix + "results_100k_kpi_visible_cold", cold[0], "ms");
        Bench.print(prefix + "results_100k_all_charts_cold", cold[1], "ms");

        double[] dashboard = new double[WARM_RUNS];
        double[] list = new double[WARM_RUNS];
        double[] kpi = new double[WARM_RUNS];
        double[] charts = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            dashboard[i] = visible(url("/"), CARDS);
            list[i] = visible(url("/sweeps"), LIST_ROWS);
            double[] page = resultsPage(results);
            kpi[i] = page[0];
            charts[i] = page[1];
        }
        double[] reference = new double[WARM_RUNS];
        for (int i = 0; i < WARM_RUNS; i++) {
            reference[i] = visible(url("/endpoints"), "vaadin-grid vaadin-grid-cell-content");
        }
        // the framework's own share: a page that reads no sweep at all
        Bench.print(prefix + "reference_endpoints_page_warm_median", Bench.median(reference), "ms");
        Bench.print(prefix + "dashboard_first_paint_warm_median", Bench.median(dashboard), "ms");
        Bench.print(prefix + "sweeps_list_first_paint_warm_median", Bench.median(list), "ms");
        Bench.print(prefix + "results_100k_kpi_visible_warm_median", Bench.median(kpi), "ms");
        Bench.print(prefix + "results_100k_all_charts_warm_median", Bench.median(charts), "ms");
        timeline(prefix, results);
    }

    /**
     * Where the results page's time goes (one more visit): the HTML's arrival, each server round trip (UIDL) and
     * when the KPI row and each chart appeared, in ms since navigation start.
     */
    @SuppressWarnings("unchecked")
    private void timeline(String prefix, String results) {
        resultsPage(results);
        Map<String, Object> timeline = (Map<String, Object>) script("""
                const out = Object.assign({}, window.__timeline);
                out.html = performance.getEntriesByType('navigation')[0].responseEnd;
                performance.getEntriesByType('resource').filter(e => e.name.includes('v-r=uidl'))
                  .forEach((e, i) => { out['uidl' + (i + 1) + '_sent'] = e.startTime;
                                       out['uidl' + (i + 1) + '_answered'] = e.responseEnd; });
                return out;""");
        try { // a look at the drawn page (target/screenshots, never committed)
            script("document.querySelector('.delta-bar-chart').scrollIntoView({block: 'center'});");
            screenshot("scale-" + prefix + "results.png");
        } catch (java.io.IOException | RuntimeException notSaved) {
            System.out.println("no screenshot: " + notSaved.getMessage());
        }
        timeline.entrySet().stream().sorted(Map.Entry.comparingByValue(
                        (x, y) -> Double.compare(((Number) x).doubleValue(), ((Number) y).doubleValue())))
                .forEach(e -> Bench.print(prefix + "results_timeline_" + e.getKey(),
                        ((Number) e.getValue()).doubleValue(), "ms"));
    }

    /** Milliseconds to the visible KPI row and to all charts drawn (at least 4 ApexCharts SVGs). */
    private double[] resultsPage(String results) {
        long start = System.nanoTime();
        double kpi = visible(results, KPI);
        new WebDriverWait(browser, Duration.ofSeconds(120), Duration.ofMillis(5)).until(driver ->
                driver.findElements(By.cssSelector(".apex-chart svg.apexcharts-svg")).size() >= 4);
        return new double[] {kpi, (System.nanoTime() - start) / 1e6};
    }

    /** Milliseconds from navigation start to the first visible element matching the selector. */
    private double visible(String url, String selector) {
        long start = System.nanoTime();
        browser.get(url);
        new WebDriverWait(browser, Duration.ofSeconds(300), Duration.ofMillis(5)).until(driver ->
                driver.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed));
        return (System.nanoTime() - start) / 1e6;
    }

    /** Whether the app runs with Vaadin's production bundle (./mvnw -Pbench,production …) or in development mode. */
    private static boolean productionMode() {
        try (var info = ScaleBenchmarkTest.class.getResourceAsStream("/META-INF/VAADIN/config/flow-build-info.json")) {
            return info != null && new String(info.readAllBytes()).replace(" ", "").contains("\"productionMode\":true");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
