package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;
import org.chimerabench.support.SeedFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.annotation.DirtiesContext;

/** Home page: an empty state that says how to start, then one card per recent sweep. Own, empty database. */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:dashboard-${random.uuid};DB_CLOSE_DELAY=-1")
@DirtiesContext
class DashboardViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ImportService imports;

    @BeforeEach
    void setUp() {
        KaribuViews.setUp(context);
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
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
        List<String> rates = _find(Span.class, spec -> spec.withClasses("card-rate")).stream().map(Span::getText)
                .toList();
        assertThat(rates).containsExactlyInAnyOrder("72.2 %", "38.9 %");
        assertThat(cards.get(0).getContent().getHref()).matches("sweeps/\\d+");
        assertThat(_find(org.chimerabench.chart.ApexChart.class, spec -> spec.withClasses("sparkline"))).hasSize(2);
    }
}
