package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.execution.CallService;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;

/**
 * What a share link opens, without login: the results of one sweep (or of both sweeps of a shared comparison),
 * read-only — the verdict, charts, tables and the calls of a configuration, and the printable report; no
 * navigation, no editor, no start, cancel, duplicate or delete. An unknown, revoked or expired link is a 404.
 */
@Route(value = "shared/:token", autoLayout = false)
@AnonymousAllowed
class SharedResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final ShareLinkService shares;
    private final SweepService sweeps;
    private final AnalysisService analyses;
    private final CallService calls;
    private final List<SweepVerdict> verdicts = new ArrayList<>();
    private String title = "Shared results · Chimera Bench";

    SharedResultsView(ShareLinkService shares, SweepService sweeps, AnalysisService analyses, CallService calls) {
        this.shares = shares;
        this.sweeps = sweeps;
        this.analyses = analyses;
        this.calls = calls;
        addClassName("results-view");
        addClassName("shared-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        verdicts.clear();
        String token = event.getRouteParameters().get("token").orElse("");
        Optional<ShareLinkService.Shared> shared = shares.open(token);
        if (shared.isEmpty()) {
            event.rerouteToError(NotFoundException.class, "This link does not exist, was revoked or has expired.");
            return;
        }
        Paragraph note = new Paragraph("Shared read-only results from Chimera Bench. Every number is computed from the"
                + " stored calls.");
        note.addClassName("shared-note");
        add(note);
        List<Long> ids = shared.get().sweepB() == null ? List.of(shared.get().sweepA())
                : List.of(shared.get().sweepA(), shared.get().sweepB());
        for (long id : ids) {
            Optional<SweepDetails> sweep = sweeps.find(id);
            Optional<SweepAnalysis> analysis = analyses.analyse(id);
            if (sweep.isPresent() && analysis.isPresent()) { // no endpoint URL, no host and pid for strangers
                show(sweep.get().withoutInfrastructure(), analysis.get(), ids.size() > 1, token);
            }
        }
        Anchor report = new Anchor("shared/" + token + "/report", ids.size() > 1 ? "Printable report of the first"
                + " sweep" : "Printable report");
        Div links = new Div(report);
        links.addClassName("export-links");
        add(links);
        if (!verdicts.isEmpty()) {
            getElement().executeJs("requestAnimationFrame(() => setTimeout(() => this.$server.showDetails(), 0))");
        }
    }

    private void show(SweepDetails sweep, SweepAnalysis analysis, boolean partOfComparison, String token) {
        if (partOfComparison) {
            add(new H2((verdicts.isEmpty() ? "A · " : "B · ") + sweep.name()));
        }
        title = sweep.name() + " · shared · Chimera Bench";
        add(new ResultsHeader(sweep));
        SweepVerdict verdict = new SweepVerdict(sweep, analysis, null, List.of(), analyses, calls);
        verdict.onlyWhile(() -> shares.open(token).isPresent()); // a revoked link reads nothing more
        verdicts.add(verdict);
        add(verdict);
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    /** Adds charts and tables; called by the browser right after the KPIs painted. */
    @ClientCallable
    public void showDetails() {
        verdicts.forEach(SweepVerdict::showDetails);
    }
}
