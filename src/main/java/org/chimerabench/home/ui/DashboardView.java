package org.chimerabench.home.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.SweepOverview;
import org.chimerabench.analysis.SweepOverviewService;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.exchange.ExampleService;

/**
 * Home: the most recent sweeps as cards with their success rate and a sparkline of Δ %, or — on an empty
 * database — how to start, with the published example one click away.
 */
@PermitAll
@Route("")
@PageTitle("Dashboard · Chimera Bench")
@Menu(order = 0, icon = "vaadin:dashboard", title = "Dashboard")
class DashboardView extends VerticalLayout {

    static final int RECENT = 12;
    static final String LOAD_EXAMPLE = "Load the published example (TR111: Rust vs Python agents)";

    DashboardView(SweepOverviewService overviews, ExampleService examples, AuthenticationContext authentication) {
        addClassName("dashboard-view");
        setWidthFull();
        List<SweepOverview> recent = overviews.recent(RECENT);
        add(new ViewToolbar("Dashboard"));
        if (recent.isEmpty()) {
            add(emptyState(examples, authentication.hasRole(Role.OPERATOR.name())));
            return;
        }
        Div cards = new Div();
        cards.addClassName("sweep-cards");
        recent.forEach(overview -> cards.add(new SweepCard(overview)));
        add(new Paragraph("Recent sweeps — open one for its full verdict."), cards);
    }

    private static Div emptyState(ExampleService examples, boolean operator) {
        Span title = new Span("Welcome to Chimera Bench");
        Paragraph how = new Paragraph("There are no sweeps yet. Look at real published results first: the"
                + " Chimeraforge TR111 sweeps (gemma3 on an RTX 4080 Laptop, 18 configurations each, run by a Rust and"
                + " by a Python agent), loaded in one click and opened side by side. Or import your own results,"
                + " or define a sweep and run it on the built-in simulator or your Ollama.");
        Button example = new Button(LOAD_EXAMPLE, VaadinIcon.DOWNLOAD_ALT.create(), e -> {
            ExampleService.Loaded loaded = examples.loadChimeraforge();
            e.getSource().getUI().ifPresent(ui -> ui.navigate("compare", QueryParameters.simple(
                    Map.of("a", String.valueOf(loaded.rust()), "b", String.valueOf(loaded.python())))));
        });
        example.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        example.addClassName("load-example");
        example.setDisableOnClick(true);
        Anchor importOwn = new Anchor("sweeps", "Import results →");
        importOwn.addClassName("primary-link");
        Anchor define = new Anchor("sweeps/new", "New sweep →");
        define.addClassName("primary-link");
        Div links = new Div(importOwn, define);
        links.addClassName("empty-links");
        Div empty = operator ? new Div(title, how, example, links) : new Div(title, new Paragraph("There are no"
                + " sweeps yet. An operator can load the published example or import results; you will see them"
                + " here."));
        empty.addClassName("empty-state");
        return empty;
    }
}
