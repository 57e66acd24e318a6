package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.QueryParameters;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The compare view without a browser: rust vs python, and two sweeps whose axes only partly match. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class CompareViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analyses;

    long rust;
    long python;

    @BeforeEach
    void setUp() {
        SeedSweeps seed = SeedSweeps.importSummaryCsv(context);
        rust = seed.rust();
        python = seed.python();
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void rustVersusPython() {
        open(rust, python);
        assertThat(_get(ListItem.class, spec -> spec.withClasses("winner-chimeraTokPerSec")).getText())
                .isEqualTo("Tuned throughput: rust 98.9 tok/s vs python 99.1 tok/s — no significant difference"
                        + " (Welch p = 0.150, |d| = 0.49, small).");
        assertThat(_find(VerdictBanner.class)).extracting(VerdictBanner::sentence).hasSize(2)
                .allMatch(s -> s.startsWith("Tuned options: no practical throughput difference"));
        assertThat(_get(StatCard.class, spec -> spec.withClasses("kpi-a")).value()).isEqualTo("72 %");
        assertThat(_get(StatCard.class, spec -> spec.withClasses("kpi-b")).value()).isEqualTo("39 %");
        assertThat(_get(StatCard.class, spec -> spec.withClasses("kpi-a")).detail())
                .isEqualTo("best: num_gpu=60 · num_ctx=1024 · temperature=0.8 (+0.61 %)");
        Grid<?> metrics = _get(Grid.class, spec -> spec.withClasses("compare-metrics-grid"));
        assertThat(GridKt._size(metrics)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(metrics, 1)).containsExactly("Chimera throughput (tok/s)", "98.9", "99.1",
                "−0.2", "−1.47", "0.150", "−0.49", "0.5", "0.5");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withClasses("shared-grid")))).isEqualTo(18);
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("left-out")).getText())
                .isEqualTo("Both sweeps measured the same configurations.");
        assertThat(_get(CompareView.class).pickA.getValue().id()).isEqualTo(rust);
    }

    @Test
    void partlyDifferentAxesCompareOnWhatTheyShare() {
        // two Rust metrics files whose chimera options have num_batch instead of temperature
        Map<String, byte[]> files = new LinkedHashMap<>();
        SeedFiles.rustMetrics().stream()
                .filter(f -> f.getFileName().toString().endsWith("temp0p6.metrics.json")).limit(2)
                .forEach(f -> files.put("batch-" + f.getFileName(), new String(SeedFiles.read(f),
                        StandardCharsets.UTF_8).replace("\"temperature\": 0.6000000238418579", "\"num_batch\": 512")
                        .getBytes(StandardCharsets.UTF_8)));
        long batch = SeedSweeps.importFiles(context, "batch", files).get(0);
        open(rust, batch);

        String leftOut = _get(Paragraph.class, spec -> spec.withClasses("left-out")).getText();
        assertThat(leftOut).contains("matched on the shared axes only").contains("only A varies temperature")
                .contains("only B varies num_batch");
        Grid<?> shared = _get(Grid.class, spec -> spec.withClasses("shared-grid"));
        assertThat(GridKt._size(shared)).as("A has two temperatures per (num_gpu, num_ctx): ambiguous, left out")
                .isZero();
        assertThat(leftOut).contains("18 configuration(s) of A and 2 of B have no unique counterpart");
        assertThat(GridKt._size(_get(Grid.class, spec -> spec.withClasses("compare-metrics-grid")))).isEqualTo(6);
    }

    private static void open(long a, long b) {
        UI.getCurrent().navigate("compare", QueryParameters.simple(Map.of(
                "a", String.valueOf(a), "b", String.valueOf(b))));
    }

    @Test
    void printableComparisonReport() {
        UI.getCurrent().navigate("compare/report", QueryParameters.simple(Map.of(
                "a", String.valueOf(rust), "b", String.valueOf(python))));
        String html = _get(Html.class).getInnerHtml();
        assertThat(html).contains("<h1>Comparison: Imported rust sweep (A) vs Imported python sweep (B)</h1>")
                .contains("<td>Success rate (Δ &gt; 0)</td>").contains("72 %").contains("39 %")
                .contains("<td>Chimera throughput (tok/s)</td>").contains("<h2>Verdict</h2>");
    }

    @Test
    void withoutSelectionItSaysWhatToDo() {
        UI.getCurrent().navigate("compare");
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("empty-state")).getText()).startsWith("Pick two sweeps");
    }
}
