package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.List;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.analysis.SweepOverviewService;
import org.chimerabench.base.ui.ViewToolbar;

/** Home: the most recent sweeps as cards with their success rate and a sparkline of Δ %, or how to start. */
@Route("")
@PageTitle("Dashboard · Chimera Bench")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
class DashboardView extends VerticalLayout {

    static final int RECENT = 12;

    DashboardView(SweepOverviewService overviews) {
        addClassName("dashboard-view");
        setWidthFull();
        List<SweepOverview> recent = overviews.recent(RECENT);
        add(new ViewToolbar("Dashboard"));
        if (recent.isEmpty()) {
            add(emptyState());
            return;
        }
        Div cards = new Div();
        cards.addClassName("sweep-cards");
        recent.forEach(overview -> cards.add(new SweepCard(overview)));
        add(new Paragraph("Recent sweeps — open one for its full verdict."), cards);
    }

    private static Div emptyState() {
        Span title = new Span("Welcome to Chimera Bench");
        Paragraph how = new Paragraph("There are no sweeps yet. Start by importing published results: open"
                + " Sweeps and drop the seed summary CSV (rust_vs_python_sweep_summary.csv) or a set of agent"
                + " metrics.json files. Running sweeps on an Ollama endpoint or on the built-in simulator comes"
                + " with the sweep editor.");
        Anchor go = new Anchor("sweeps", "Import results →");
        go.addClassName("primary-link");
        Div empty = new Div(title, how, go);
        empty.addClassName("empty-state");
        return empty;
    }
}
