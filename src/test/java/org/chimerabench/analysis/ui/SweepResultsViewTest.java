package org.chimerabench.analysis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Set;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.KaribuViews;
import org.chimerabench.support.SeedSweeps;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/** The results page of the imported `rust` sweep, without a browser: KPIs, tables, recommendations, calls. */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class SweepResultsViewTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    AnalysisService analyses;

    long rustId;

    @BeforeEach
    void openRustSweep() {
        rustId = SeedSweeps.importSummaryCsv(context).rust();
        KaribuViews.setUp(context);
        UI.getCurrent().navigate("sweeps/" + rustId);
        assertThat(_find(Grid.class)).as("only the headline before the browser asks for the rest").isEmpty();
        ResultsPage.complete();
    }

    @AfterEach
    void tearDown() {
        KaribuViews.tearDown();
    }

    @Test
    void theVerdictComesFirstAndIsNotPaintedAsAWin() {
        VerdictBanner banner = _get(VerdictBanner.class);
        assertThat(banner.sentence()).isEqualTo("Tuned options: no practical throughput difference (+0.14 %, within"
                + " ±1 %); first token 2.1 % sooner (p = 0.046)");
        assertThat(_get(Span.class, spec -> spec.withText("Throughput: no practical difference")).getClassNames())
                .contains("verdict-neutral");
        assertThat(_get(Span.class, spec -> spec.withText("First token: better")).getClassNames())
                .contains("verdict-better");
        var verdict = _get(SweepVerdict.class).getContent();
        assertThat(verdict.getChildren().findFirst()).as("the banner before the KPI cards").containsSame(banner);
    }

    @Test
    void kpiCardsWithDigitsSuitedToTheNoiseAndNeutralColours() {
        assertThat(card("kpi-mean-delta").value()).isEqualTo("+0.14 %");
        assertThat(card("kpi-mean-delta").detail()).isEqualTo("95 % CI −0.02 to +0.29 % · p = 0.077");
        assertThat(tone(card("kpi-mean-delta"))).as("within noise: neutral").isEmpty();
        assertThat(card("kpi-ttft").value()).isEqualTo("+2.1 %");
        assertThat(card("kpi-ttft").detail()).isEqualTo("95 % CI +0.04 to +4.2 % · p = 0.046");
        assertThat(tone(card("kpi-ttft"))).containsExactly("good");
        assertThat(card("kpi-success-rate").value()).isEqualTo("72 %");
        assertThat(card("kpi-success-rate").detail()).isEqualTo("13 of 18 configurations faster · sign test p = 0.096");
        assertThat(tone(card("kpi-success-rate"))).as("sign test not significant: neutral, not green").isEmpty();
        assertThat(card("kpi-best").value()).isEqualTo("+0.6 %");
        assertThat(card("kpi-best").detail()).isEqualTo("num_gpu=60 · num_ctx=1024 · temperature=0.8 · single trial"
                + " — not testable");
    }

    private static List<String> tone(StatCard card) {
        return card.getElement().getChild(1).getClassList().stream().filter(c -> c.equals("good") || c.equals("bad"))
                .toList();
    }

    @Test
    void perParameterTables() {
        Grid<?> gpu = grid("parameter-grid-num_gpu");
        assertThat(GridKt._size(gpu)).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(gpu, 0)).containsExactly("60", "6", "4", "67", "+0.15",
                "num_gpu=60 · num_ctx=1024 · temperature=0.8 (+0.61 %)");
        assertThat(GridKt._getFormattedRow(gpu, 1)).startsWith("80", "6", "5", "83", "+0.23");
        assertThat(GridKt._size(grid("parameter-grid-num_ctx"))).isEqualTo(3);
        assertThat(GridKt._getFormattedRow(grid("parameter-grid-temperature"), 1))
                .startsWith("0.8", "9", "8", "89", "+0.26");
    }

    @Test
    void everyRecommendationSaysWhatMayBeClaimed() {
        List<String> cards = _find(Div.class, spec -> spec.withClasses("recommendation-card")).stream()
                .map(card -> card.getElement().getTextRecursively()).toList();
        assertThat(cards).hasSize(4);
        assertThat(cards.get(0)).startsWith("Maximum throughput").contains("+0.61 %", "−0.5 %",
                "single trial — not testable");
        assertThat(cards.get(1)).startsWith("Balanced").contains("+0.57 %", "+9.1 %", "single trial — not testable");
        assertThat(cards.get(2)).startsWith("Consistency").contains("needs ≥ 2 trials per arm")
                .doesNotContain("single trial");
        assertThat(cards.get(3)).startsWith("Resource-efficient").contains("+0.29 %", "lowest num_gpu");
        List<String> top = _find(ListItem.class, spec -> spec.withClasses("ranking-row")).stream()
                .map(item -> item.getElement().getTextRecursively()).toList();
        assertThat(top).hasSize(10).allMatch(row -> row.contains("single trial — not testable"));
        assertThat(top.get(0)).startsWith("num_gpu=60 · num_ctx=1024 · temperature=0.8").contains("Δ +0.61 %");
    }

    @Test
    void statisticsSayWhetherTheMeanIsSignificant() {
        assertThat(_get(Paragraph.class, spec -> spec.withClasses("verdict-throughput")).getText())
                .isEqualTo("Throughput Δ: Mean +0.14 % (95 % CI −0.02 to +0.29), t(17) = 1.89, p = 0.077"
                        + " (two-sided): not significant at α = 0.05.");
        Grid<?> distributions = grid("distribution-grid");
        assertThat(GridKt._size(distributions)).isEqualTo(6);
        assertThat(GridKt._getFormattedRow(distributions, 0)).containsExactly("Throughput (tok/s), both arms",
                "97.88", "98.56", "98.85", "99.13", "99.53", "98.83", "0.44", "0.44");
    }

    @Test
    void configurationsGridFiltersByAxisValueAndOpensTheCalls() {
        @SuppressWarnings("unchecked")
        Grid<Object> grid = (Grid<Object>) grid("configurations-grid");
        assertThat(GridKt._size(grid)).isEqualTo(18);
        @SuppressWarnings("unchecked")
        var filter = (MultiSelectComboBox<String>) _get(
                MultiSelectComboBox.class, spec -> spec.withLabel("num_gpu"));
        filter.setValue(Set.of("60"));
        assertThat(GridKt._size(grid)).isEqualTo(6);

        GridKt._clickItem(grid, 0);
        Dialog dialog = _get(Dialog.class);
        assertThat(dialog.getHeaderTitle()).startsWith("num_gpu=60");
        Grid<?> calls = _get(dialog, Grid.class, spec -> spec.withClasses("calls-grid"));
        assertThat(GridKt._size(calls)).as("one baseline and one chimera call").isEqualTo(2);
    }

    @Test
    void heatmapSelectorUpdatesTheChartInPlace() {
        @SuppressWarnings("unchecked")
        Select<Object> selector = _get(Select.class, spec -> spec.withClasses("heatmap-selector"));
        var chart = _get(ApexChart.class, spec -> spec.withClasses("delta-heatmap-chart"));
        String before = chart.optionsJson();
        selector.setValue(0.8);
        assertThat(chart.optionsJson()).isNotEqualTo(before);
        assertThat(_find(ApexChart.class)).hasSizeGreaterThanOrEqualTo(4);
    }

    @Test
    void unknownSweepSaysSo() {
        UI.getCurrent().navigate("sweeps/987654");
        assertThat(_get(Paragraph.class, spec -> spec.withText("There is no sweep 987654."))).isNotNull();
    }

    private static StatCard card(String cssClass) {
        return _get(StatCard.class, spec -> spec.withClasses(cssClass));
    }

    private static Grid<?> grid(String cssClass) {
        return _get(Grid.class, spec -> spec.withClasses(cssClass));
    }
}
