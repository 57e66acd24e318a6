package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.analysis.SweepOverviewService;
import org.chimerabench.analysis.ui.VerdictBadges;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ScrollCue;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.sweep.SweepStatus;

/** All sweeps with their headline verdict; imports seed results files. */
@PermitAll
@Route("sweeps")

@PageTitle("Sweeps · Chimera Bench")
@Menu(order = 10, icon = "vaadin:table", title = "Sweeps")
class SweepsView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final SweepOverviewService overviews;
    private final Grid<SweepOverview> grid = new Grid<>();
    private final Div emptyState = emptyState();
    private final boolean operator;

    SweepsView(SweepOverviewService overviews, ImportService imports, AuthenticationContext authentication) {
        this.overviews = overviews;
        // courtesy: the services check the role themselves
        this.operator = authentication.hasRole(Role.OPERATOR.name());
        setSizeFull();
        addClassName("sweeps-view");
        add(new ViewToolbar("Sweeps"));
        if (authentication.hasRole(Role.OPERATOR.name())) { // courtesy: ImportService checks the role itself
            add(new ImportPanel(imports, this::imported));
        }
        Div table = ScrollCue.wrap(configureGrid());
        table.setSizeFull();
        add(emptyState, table);
        refresh();
    }

    /** Rows fetched (and sweeps analysed) per request: a screenful and a little more, not Vaadin's default 50. */
    static final int PAGE_SIZE = 25;

    private Grid<SweepOverview> configureGrid() {
        grid.addClassName("sweeps-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setSizeFull();
        grid.setPageSize(PAGE_SIZE);
        grid.addComponentColumn(SweepsView::name).setHeader("Sweep").setWidth("12rem").setFlexGrow(3)
                .setTooltipGenerator(o -> o.sweep().name());
        grid.addComponentColumn(SweepsView::verdict).setHeader("Verdict").setWidth("12rem").setFlexGrow(1)
                .setTooltipGenerator(o -> o.verdict() == null ? "" : o.verdict().sentence());
        grid.addColumn(SweepsView::source).setHeader("Source").setWidth("10rem").setFlexGrow(2)
                .setTooltipGenerator(o -> o.sweep().sourceFile() == null ? "" : o.sweep().sourceFile());
        grid.addColumn(o -> o.sweep().model() == null ? "—" : o.sweep().model()).setHeader("Model")
                .setWidth("10rem").setFlexGrow(1).setClassNameGenerator(o -> "model-cell");
        grid.addColumn(SweepsView::successRate).setHeader("Success rate").setWidth("7rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(o -> "Share of configurations whose mean chimera throughput beat the baseline"
                        + " (Δ > 0): " + o.improvedConfigurations() + " of " + o.measuredConfigurations());
        grid.addColumn(SweepsView::calls).setHeader("Calls").setWidth("4.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(o -> o.sweep().status().label()).setHeader("Status").setWidth("7.5rem").setFlexGrow(0);
        grid.addComponentColumn(this::actions).setHeader("").setWidth("6.5rem").setFlexGrow(0);
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate("sweeps/" + event.getItem().sweep().id())));
        return grid;
    }

    /** Label, name and the simulated badge. */
    private static Div name(SweepOverview overview) {
        Div cell = new Div();
        cell.addClassName("sweep-name-cell");
        if (overview.sweep().label() != null) {
            Span label = new Span(overview.sweep().label());
            label.addClassNames("tag", "tag-label");
            cell.add(label);
        }
        if (overview.sweep().simulated()) {
            Span simulated = new Span("simulated");
            simulated.addClassNames("tag", "tag-simulated");
            cell.add(simulated);
        }
        cell.add(new Span(overview.sweep().name()));
        return cell;
    }

    private static Component verdict(SweepOverview overview) {
        if (overview.verdict() == null) {
            return new Span("—");
        }
        return new VerdictBadges(overview.verdict(), overview.provisional());
    }

    /** "imported · 18 files · 2026-12-01 13:08" — tells two imports of the same data apart; or how it was run. */
    static String source(SweepOverview overview) {
        var sweep = overview.sweep();
        String when = CREATED.format(sweep.createdAt());
        if (!sweep.imported()) {
            return (sweep.simulated() ? "simulator" : "measured") + " · " + when;
        }
        String file = sweep.sourceFile() == null ? "file" : sweep.sourceFile().replaceFirst("^(\\d+ files):.*", "$1");
        return "imported · " + file + " · " + when;
    }

    /** Open, compare with…, duplicate (run sweeps, operators). */
    private Div actions(SweepOverview overview) {
        long id = overview.sweep().id();
        Div actions = new Div(new Anchor("sweeps/" + id, "Open"), new Anchor("compare?a=" + id, "Compare…"));
        if (operator && !overview.sweep().imported()) {
            actions.add(new Anchor("sweeps/new?from=" + id, "Duplicate"));
        }
        actions.addClassName("row-actions");
        actions.getElement().addEventListener("click", e -> { }).addEventData("event.stopPropagation()");
        return actions;
    }

    /** Calls stored; "done of planned" while the sweep has still to run. */
    static String calls(SweepOverview overview) {
        var sweep = overview.sweep();
        boolean toRun = sweep.status() == SweepStatus.DRAFT
                || sweep.status() == SweepStatus.QUEUED
                || sweep.status() == SweepStatus.RUNNING;
        return toRun ? sweep.progress().done() + " of " + sweep.progress().total()
                : String.valueOf(sweep.progress().done());
    }

    static String successRate(SweepOverview overview) {
        if (overview.successRatePct() == null) {
            return "—";
        }
        return Numbers.pct(overview.successRatePct(), 0) + " (" + overview.improvedConfigurations() + "/"
                + overview.measuredConfigurations() + ")";
    }

    /** After an import the user lands on what was imported: the sweep, or the comparison of two. */
    private void imported(List<Long> ids) {
        if (ids.size() == 1) {
            getUI().ifPresent(ui -> ui.navigate("sweeps/" + ids.get(0)));
        } else if (ids.size() == 2) {
            getUI().ifPresent(ui -> ui.navigate("compare", QueryParameters.simple(Map.of("a",
                    String.valueOf(ids.get(0)), "b", String.valueOf(ids.get(1))))));
        } else {
            refresh();
        }
    }

    /** Lazy: the grid asks for the rows it shows, and only those sweeps are analysed (1,000 sweeps stay fast). */
    private void refresh() {
        boolean empty = overviews.count() == 0;
        grid.setItems(query -> overviews.page(query.getOffset(), query.getLimit()).stream(),
                query -> (int) overviews.count());
        grid.setVisible(!empty);
        emptyState.setVisible(empty);
    }

    private static Div emptyState() {
        Div empty = new Div(new Span("No sweeps yet."),
                new Paragraph("Import results to get started: drop the seed summary CSV"
                        + " (rust_vs_python_sweep_summary.csv), or one or more Rust/Python agent metrics.json files,"
                        + " on the upload above."));
        empty.addClassName("empty-state");
        return empty;
    }
}
