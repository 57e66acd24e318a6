package org.chimerabench.analysis.ui;

import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ScrollCue;
import org.chimerabench.analysis.SweepAnalysis;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.ComparisonService;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.Panel;
import org.chimerabench.base.ui.PrintableReport;
import org.chimerabench.base.ui.RouteIds;
import org.chimerabench.base.ui.StatCard;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepSummary;

/** Two sweeps side by side: metric tests, success rates, best configurations, shared configurations, charts. */
@PermitAll
@Route("compare")
@PageTitle("Compare · Chimera Bench")
@Menu(order = 15, icon = "vaadin:scale", title = "Compare")
class CompareView extends VerticalLayout implements BeforeEnterObserver {

    private final ComparisonService comparisons;
    private final AnalysisService analyses;
    private final ShareLinkService shares;
    private final boolean operator;
    final ComboBox<SweepSummary> pickA = new ComboBox<>("Sweep A");
    final ComboBox<SweepSummary> pickB = new ComboBox<>("Sweep B");
    private final Div body = new Div();

    CompareView(ComparisonService comparisons, AnalysisService analyses, SweepService sweeps,
                ShareLinkService shares, AuthenticationContext authentication) {
        this.shares = shares;
        // courtesy: ShareLinkService checks the role itself
        this.operator = authentication.hasRole(Role.OPERATOR.name());
        this.comparisons = comparisons;
        this.analyses = analyses;
        addClassName("compare-view");
        setWidthFull();
        List<SweepSummary> all = sweeps.list();
        for (ComboBox<SweepSummary> pick : List.of(pickA, pickB)) {
            pick.setItems(all);
            pick.setItemLabelGenerator(s -> "#" + s.id() + " " + (s.label() == null ? "" : s.label() + " · ") + s.name());
            pick.setWidth("22rem");
            pick.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    navigate();
                }
            });
        }
        Div pickers = new Div(pickA, pickB);
        pickers.addClassName("filter-bar");
        body.addClassName("compare-body");
        body.setWidthFull();
        add(new ViewToolbar("Compare sweeps"), pickers, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
        Optional<Long> a = RouteIds.first(query.get("a"));
        Optional<Long> b = RouteIds.first(query.get("b"));
        a.ifPresent(id -> select(pickA, id));
        b.ifPresent(id -> select(pickB, id));
        if (a.isPresent() && a.equals(b)) {
            body.removeAll();
            Paragraph same = new Paragraph("A and B are the same sweep; pick two different sweeps to compare.");
            same.addClassName("empty-state");
            body.add(same);
            return;
        }
        show(a.isPresent() && b.isPresent() ? comparisons.compare(a.get(), b.get()) : Optional.empty(),
                a.isPresent() && b.isPresent());
    }

    private void show(Optional<SweepComparison> comparison, boolean asked) {
        body.removeAll();
        if (comparison.isEmpty()) {
            Paragraph hint = new Paragraph(asked ? "One of the sweeps does not exist." :
                    "Pick two sweeps to compare — e.g. the seed's rust and python sweeps, two models or two hosts.");
            hint.addClassName("empty-state");
            body.add(hint);
            return;
        }
        SweepComparison c = comparison.get();
        SweepAnalysis analysisA = analyses.analyse(c.a().id()).orElseThrow();
        SweepAnalysis analysisB = analyses.analyse(c.b().id()).orElseThrow();
        Div cards = new Div(
                card("Success rate A · " + c.a().display(), c.successRatePct().a(), c.bestA(), "kpi-a"),
                card("Success rate B · " + c.b().display(), c.successRatePct().b(), c.bestB(), "kpi-b"));
        cards.addClassName("kpi-row");
        Div charts = new Div(
                new Panel("Throughput Δ per shared configuration", Definitions.THROUGHPUT_DELTA,
                        c.sharedConfigurations().isEmpty() ? SweepVerdict.why("The two sweeps share no configuration"
                                + " to set side by side: " + c.leftOut().explanation()) : new CompareDeltaChart(c)),
                new Panel("Chimera throughput per sweep", Definitions.DISTRIBUTION,
                        new CompareBoxPlotChart(analysisA, analysisB), SweepVerdict.note(CompareBoxPlotChart.AXIS_NOTE)));
        charts.addClassName("chart-grid");
        if (!analysisA.byLoad().isEmpty() || !analysisB.byLoad().isEmpty()) { // both sweeps' curves on one chart
            charts.add(new Panel("Throughput under load, A and B", "Aggregate tok/s against TTFT p95, one point per"
                    + " load level, one line per sweep, configuration and arm.", new ThroughputLatencyChart(List.of(
                    new ThroughputLatencyChart.Side("A", analysisA.byLoad()),
                    new ThroughputLatencyChart.Side("B", analysisB.byLoad())))).wide());
        }
        Paragraph leftOut = new Paragraph(c.leftOut().explanation());
        leftOut.addClassName("left-out");
        Anchor report = PrintableReport.download(
                "api/compare/report.md?a=" + c.a().id() + "&b=" + c.b().id(), "Comparison report (Markdown)");
        Div links = new Div(new Anchor("compare/report?a=" + c.a().id() + "&b="
                + c.b().id(), "Printable comparison report"), report);
        if (operator && c.a().id() != c.b().id()) {
            Button share = new Button("Share…", VaadinIcon.SHARE.create(),
                    e -> new ShareDialog(shares, c.a().id(), c.b().id()).open());
            share.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            share.addClassName("share-comparison");
            links.add(share);
        }
        links.addClassName("export-links");
        body.add(winners(c), sides(c, analysisA, analysisB), links, cards, new Panel("Metrics (A − B)", "Each metric over per-configuration values; Welch t-test,"
                        + " two-sided p, Cohen's d with the pooled SD.", ScrollCue.wrap(new CompareMetricsGrid(c))).wide(), charts,
                new Panel("Shared configurations", null, leftOut, ScrollCue.wrap(sharedGrid(c))).wide());
    }

    /** The comparison's verdict first: one sentence per metric, who did better and by how much, or no difference. */
    private static Div winners(SweepComparison c) {
        UnorderedList list = new UnorderedList();
        for (String metric : List.of("chimeraTokPerSec", "throughputDeltaPct", "ttftMs", "ttftReductionPct")) {
            ListItem item = new ListItem(c.winners().get(metric));
            item.addClassName("winner-" + metric);
            list.add(item);
        }
        list.addClassName("winner-list");
        H2 title = new H2("A · " + c.a().display() + " vs B · " + c.b().display());
        title.addClassName("compare-title");
        Div verdict = new Div(title, list);
        c.warnings().forEach(warning -> {
            Paragraph caution = new Paragraph("⚠ " + warning);
            caution.addClassName("compare-warning");
            verdict.add(caution);
        });
        verdict.addClassNames("verdict-banner", "verdict-neutral", "compare-verdict");
        return verdict;
    }

    /** Each sweep's own verdict (tuned vs defaults), side by side. */
    private static Div sides(SweepComparison c, SweepAnalysis a, SweepAnalysis b) {
        Div sides = new Div(side("A · " + c.a().display(), a), side("B · " + c.b().display(), b));
        sides.addClassName("two-columns");
        return sides;
    }

    private static Div side(String title, SweepAnalysis analysis) {
        Span name = new Span(title);
        name.addClassName("side-title");
        Div side = new Div(name, new VerdictBanner(analysis.verdict(), analysis.provisional()));
        side.addClassName("compare-side");
        return side;
    }

    private static StatCard card(String title, double rate, SweepComparison.Best best, String cssClass) {
        StatCard card = new StatCard(title, Definitions.SUCCESS_RATE).show(Numbers.pct(rate, 0), best == null
                ? "no configuration measured"
                : "best: " + OptionsJson.describeOrNone(best.options()) + " (" + Numbers.signedPct(best.deltaPct(), 2)
                + ")");
        card.addClassName(cssClass);
        return card;
    }

    private static Grid<SweepComparison.SharedConfiguration> sharedGrid(SweepComparison c) {
        Grid<SweepComparison.SharedConfiguration> grid = new Grid<>();
        grid.addClassName("shared-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(s -> OptionsJson.describeOrNone(s.options())).setHeader("Configuration (shared axes)").setFlexGrow(2);
        grid.addColumn(s -> Numbers.signed(s.deltaPctA(), 2)).setHeader("Δ A (%)").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> Numbers.signed(s.deltaPctB(), 2)).setHeader("Δ B (%)").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> Numbers.signed(s.deltaOfDelta(), 2)).setHeader("Δ A − Δ B (points)")
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> Numbers.signed(s.ttftReductionPctA(), 1))
                .setHeader("TTFT reduction A (%)").setTextAlign(ColumnTextAlign.END);
        grid.addColumn(s -> Numbers.signed(s.ttftReductionPctB(), 1))
                .setHeader("TTFT reduction B (%)").setTextAlign(ColumnTextAlign.END);
        grid.setItems(c.sharedConfigurations());
        grid.setHeight(c.sharedConfigurations().size() > 12 ? "24rem" : null);
        grid.setAllRowsVisible(c.sharedConfigurations().size() <= 12);
        return grid;
    }

    private void navigate() {
        if (pickA.getValue() != null && pickB.getValue() != null) {
            getUI().ifPresent(ui -> ui.navigate("compare", QueryParameters.simple(Map.of(
                    "a", String.valueOf(pickA.getValue().id()), "b", String.valueOf(pickB.getValue().id())))));
        }
    }

    private static void select(ComboBox<SweepSummary> pick, long id) {
        pick.getListDataView().getItems().filter(s -> s.id() == id).findFirst().ifPresent(pick::setValue);
    }

}
