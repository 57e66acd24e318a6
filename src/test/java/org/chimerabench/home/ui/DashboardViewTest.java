package org.chimerabench.home.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SeedFiles;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/**
 * Home page: an empty state that says how to start (and loads the published example in one click), then one card
 * per recent sweep. Each test has its own, empty database.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
@AsAdmin
class DashboardViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ImportService imports;
    @Autowired
    SweepService sweeps;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void emptyStateOffersThePublishedExampleAndOpensItsComparison() {
        UI.getCurrent().navigate("");
        Button offer = _get(Button.class, spec -> spec.withText(DashboardView.LOAD_EXAMPLE));
        _click(offer);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("compare");
        Map<String, List<String>> query = UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters()
                .getParameters();
        long rust = Long.parseLong(query.get("a").get(0));
        long python = Long.parseLong(query.get("b").get(0));
        assertThat(sweeps.find(rust).orElseThrow().label()).isEqualTo("rust");
        assertThat(sweeps.find(python).orElseThrow().label()).isEqualTo("python");
        assertThat(_find(Grid.class, spec -> spec.withClasses("shared-grid"))).as("the comparison is shown").hasSize(1);
        assertThat(sweeps.count()).isEqualTo(2);

        UI.getCurrent().navigate("");
        assertThat(_find(Button.class, spec -> spec.withText(DashboardView.LOAD_EXAMPLE)))
                .as("with sweeps, the page shows their cards instead").isEmpty();
        assertThat(_find(SweepCard.class)).hasSize(2);
    }

    @Test
    void emptyStateThenCards() {
        UI.getCurrent().navigate("");
        assertThat(_get(Span.class, spec -> spec.withText("Welcome to Chimera Bench"))).isNotNull();
        assertThat(_get(Anchor.class, spec -> spec.withText("Import results →")).getHref()).isEqualTo("sweeps");
        assertThat(_find(SweepCard.class)).isEmpty();

        imports.importFiles(List.of(new UploadedFile("rust_vs_python_sweep_summary.csv",
                SeedFiles.read(SeedFiles.summaryCsv()))), null, null);
        UI.getCurrent().getPage().reload();
        UI.getCurrent().navigate("sweeps");
        UI.getCurrent().navigate("");
        List<SweepCard> cards = _find(SweepCard.class);
        assertThat(cards).hasSize(2);
        List<String> rates = _find(Span.class, spec -> spec.withClasses("card-detail")).stream().map(Span::getText)
                .toList();
        assertThat(rates).containsExactlyInAnyOrder("Success rate 72 %: 13 of 18 configurations faster",
                "Success rate 39 %: 7 of 18 configurations faster");
        assertThat(_find(Span.class, spec -> spec.withClasses("card-verdict"))).extracting(Span::getText)
                .allMatch(s -> s.startsWith("Tuned options: no practical throughput difference"));
        assertThat(cards.get(0).getContent().getHref()).matches("sweeps/\\d+");
        assertThat(_find(ApexChart.class, spec -> spec.withClasses("sparkline"))).hasSize(2);
    }
}
