package org.chimerabench.exchange.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.analysis.SweepOverviewService;
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

    SweepsView(SweepOverviewService overviews, ImportService imports, AuthenticationContext authentication) {
        this.overviews = overviews;
        setSizeFull();
        addClassName("sweeps-view");
        add(new ViewToolbar("Sweeps"));
        if (authentication.hasRole("OPERATOR")) { // courtesy: ImportService checks the role itself
            add(new ImportPanel(imports, this::refresh));
        }
        add(emptyState, configureGrid());
        refresh();
    }

    private Grid<SweepOverview> configureGrid() {
        grid.addClassName("sweeps-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSizeFull();
        grid.addColumn(o -> o.sweep().label()).setHeader("Label").setWidth("5.5rem").setFlexGrow(0)
                .setSortable(true);
        grid.addColumn(o -> o.sweep().name()).setHeader("Name (click to open)").setWidth("9rem").setFlexGrow(2)
                .setTooltipGenerator(o -> o.sweep().name());
        grid.addComponentColumn(SweepsView::source).setHeader("Source").setWidth("10rem").setFlexGrow(3)
                .setTooltipGenerator(o -> o.sweep().sourceFile() == null ? "" : o.sweep().sourceFile());
        grid.addColumn(o -> o.sweep().model() == null ? "—" : o.sweep().model()).setHeader("Model")
                .setWidth("8rem").setFlexGrow(1);
        grid.addColumn(o -> o.sweep().configurations()).setHeader("Configs").setWidth("6rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(SweepsView::calls).setHeader("Calls").setWidth("6rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(SweepsView::successRate).setHeader("Success rate").setWidth("9rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(o -> "Configurations whose mean chimera throughput beat the baseline"
                        + " (Δ > 0): " + o.improvedConfigurations() + " of " + o.measuredConfigurations());
        grid.addColumn(o -> o.sweep().status().name()).setHeader("Status").setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(o -> CREATED.format(o.sweep().createdAt())).setHeader("Created").setWidth("10rem")
                .setFlexGrow(0);
        grid.addItemClickListener(event -> getUI().ifPresent(ui -> ui.navigate("sweeps/" + event.getItem().sweep().id())));
        return grid;
    }

    private static Span source(SweepOverview overview) {
        Span source = new Span();
        if (overview.sweep().imported()) {
            Span badge = new Span("imported");
            badge.addClassName("tag");
            source.add(badge, new Span(" " + overview.sweep().sourceFile()));
        } else {
            source.add(overview.sweep().simulated() ? "simulator" : "measured");
        }
        return source;
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
        return String.format(Locale.ROOT, "%.1f %% (%d/%d)", overview.successRatePct(),
                overview.improvedConfigurations(), overview.measuredConfigurations());
    }

    private void refresh() {
        List<SweepOverview> items = overviews.list();
        grid.setItems(items);
        grid.setVisible(!items.isEmpty());
        emptyState.setVisible(items.isEmpty());
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
