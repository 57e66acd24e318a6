package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.Role;
import org.chimerabench.base.ui.PrintableReport;
import org.chimerabench.base.ui.RouteIds;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.LiveSnapshot;
import org.chimerabench.execution.SweepEvents;
import org.chimerabench.execution.ui.LiveMonitor;
import org.chimerabench.security.ShareLinkService;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.springframework.beans.factory.annotation.Value;

/** The verdict of one sweep on one page: KPIs, charts, recommendations, tables, statistics, configurations. */
@PermitAll
@Route("sweeps/:sweepId")
class SweepResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SweepService sweeps;
    private final AnalysisService analyses;
    private final CallService calls;
    private final ExecutionService execution;
    private final LiveMonitorService monitor;
    private final boolean operator;
    private final ShareLinkService shares;
    private final SweepEvents events;
    private String title = "Sweep · Chimera Bench";
    /** How often a running sweep's figures are redrawn at least ({@code chimera.results.live-refresh}). */
    private final Duration verdictRefresh;
    private SweepVerdict verdict;
    private long verdictDone;
    private long verdictAt;
    private int configurations;
    private ResultsHeader header;
    private String endpoint;

    SweepResultsView(SweepService sweeps, AnalysisService analyses, CallService calls, ExecutionService execution,
                     LiveMonitorService monitor, SweepEvents events, AuthenticationContext authentication,
                     ShareLinkService shares,
                     @Value("${chimera.results.live-refresh:5s}") Duration verdictRefresh) {
        this.verdictRefresh = verdictRefresh;
        this.shares = shares;
        // courtesy: the services check the role themselves
        this.operator = authentication.hasRole(Role.OPERATOR.name());
        this.execution = execution;
        this.monitor = monitor;
        this.events = events;
        this.sweeps = sweeps;
        this.analyses = analyses;
        this.calls = calls;
        addClassName("results-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        Optional<Long> id = event.getRouteParameters().get("sweepId").flatMap(RouteIds::parse);
        endpoint = event.getLocation().getQueryParameters().getSingleParameter("endpoint")
                .filter(name -> id.isPresent() && analyses.endpoints(id.get()).contains(name)).orElse(null);
        Optional<SweepDetails> sweep = id.flatMap(sweeps::find);
        Optional<SweepAnalysis> analysis = id.flatMap(i -> analyses.analyse(i, endpoint));
        if (sweep.isEmpty() || analysis.isEmpty()) {
            title = "Sweep not found · Chimera Bench";
            add(notFound(event.getRouteParameters().get("sweepId").orElse("")));
            return;
        }
        title = sweep.get().name() + " · Chimera Bench";
        show(sweep.get(), analysis.get());
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(SweepDetails sweep, SweepAnalysis analysis) {
        header = new ResultsHeader(sweep);
        add(header);
        List<String> fleet = analyses.endpoints(sweep.id());
        if (fleet.size() > 1) {
            add(new EndpointFilter(sweep.id(), fleet, endpoint));
        }
        if (sweep.status() == SweepStatus.QUEUED || sweep.status() == SweepStatus.RUNNING) {
            // Cancel for the sweep's owner or an admin (courtesy: ExecutionService.cancel checks it itself)
            boolean mayCancel = operator && sweeps.mayActOn(sweep.id());
            add(new LiveMonitor(sweep.id(), monitor, events, mayCancel ? execution : null, new LiveMonitor.Listener() {
                @Override
                public void statusChanged() {
                    refreshHeader(sweep.id());
                }

                @Override
                public void progressed(LiveSnapshot snapshot) {
                    SweepResultsView.this.progressed(snapshot);
                }

                @Override
                public void ended() {
                    showEnded(sweep.id());
                }
            }));
        }
        verdict = new SweepVerdict(sweep, analysis, endpoint, fleet, analyses, calls, exports(sweep));
        verdictDone = sweep.progress().done();
        configurations = sweep.definition().configurations();
        verdictAt = System.nanoTime();
        add(verdict);
        requestDetails();
    }

    /** The headline shows at once; the heavy part follows in the next round trip, after the browser painted. */
    private void requestDetails() {
        if (verdict.hasDetails()) {
            getElement().executeJs("requestAnimationFrame(() => setTimeout(() => this.$server.showDetails(), 0))");
        }
    }

    /**
     * While the sweep runs, its figures are redrawn from the stored calls at most every {@link #verdictRefresh},
     * and for large sweeps at most every 25 ms per configuration (drawing 1,000 configurations takes the browser
     * ~3 s: then every 25 s).
     */
    private void progressed(LiveSnapshot snapshot) {
        long interval = Math.max(verdictRefresh.toNanos(), configurations * 25_000_000L);
        if (snapshot.done() == verdictDone || System.nanoTime() - verdictAt < interval) {
            return;
        }
        Optional<SweepDetails> sweep = sweeps.find(snapshot.sweepId());
        Optional<SweepAnalysis> analysis = analyses.analyse(snapshot.sweepId(), endpoint);
        if (sweep.isPresent() && analysis.isPresent()) {
            SweepVerdict fresh = new SweepVerdict(sweep.get(), analysis.get(), endpoint,
                    analyses.endpoints(snapshot.sweepId()), analyses, calls, exports(sweep.get()));
            replace(verdict, fresh);
            verdict = fresh;
            verdictDone = snapshot.done();
            verdictAt = System.nanoTime();
            requestDetails();
        }
    }

    private void refreshHeader(long sweepId) {
        sweeps.find(sweepId).ifPresent(sweep -> {
            ResultsHeader fresh = new ResultsHeader(sweep);
            replace(header, fresh);
            header = fresh;
        });
    }

    /**
     * The sweep ended while the page was open (the verdict replaces the monitor) or its margin changed: the page
     * is drawn again from the stored calls, without a reload.
     */
    private void showEnded(long sweepId) {
        Optional<SweepDetails> sweep = sweeps.find(sweepId);
        Optional<SweepAnalysis> analysis = analyses.analyse(sweepId, endpoint);
        if (sweep.isPresent() && analysis.isPresent()) {
            removeAll();
            show(sweep.get(), analysis.get());
        }
    }

    /** Adds charts, tables and the configurations grid; called by the browser right after the KPIs painted. */
    @ClientCallable
    public void showDetails() {
        if (verdict != null) {
            verdict.showDetails();
        }
    }

    /** Report, comparison, downloads, the equivalence margin, and the operator's buttons, in one wrapping row. */
    private Div exports(SweepDetails sweep) {
        long id = sweep.id();
        MenuBar downloads = new MenuBar();
        downloads.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_SMALL);
        SubMenu files = downloads.addItem("Downloads ▾").getSubMenu();
        files.addItem(PrintableReport.download("api/sweeps/" + id + "/report.md", "Report (Markdown)"));
        files.addItem(PrintableReport.download("api/sweeps/" + id + "/configurations.csv", "Configurations CSV"));
        files.addItem(PrintableReport.download("api/sweeps/" + id + "/calls", "Calls (JSON)"));
        files.addItem(PrintableReport.download("api/sweeps/" + id + "/analysis", "Analysis (JSON)"));
        downloads.addClassName("downloads-menu");
        Div links = new Div(new Anchor("sweeps/" + id + "/report", "Technical report"),
                new Anchor("compare?a=" + id, "Compare with…"), downloads);
        if (!sweep.imported() && operator) {
            links.add(new Anchor("sweeps/new?from=" + id, "Duplicate sweep"));
        }
        Span margin = new Span("Margin ±" + Numbers.plain(sweep.equivalenceMarginPct()) + " %");
        margin.addClassName("margin-setting");
        margin.setTitle("A mean effect whose 90 % CI lies inside ± this margin counts as no practical difference.");
        links.add(margin);
        if (operator) { // courtesy: SweepService.setEquivalenceMargin and ShareLinkService check the role themselves
            Button change = new Button("Change margin…", e -> new MarginDialog(sweeps, id,
                    sweep.equivalenceMarginPct(), () -> showEnded(id)).open());
            change.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            change.addClassName("change-margin");
            Button share = new Button("Share…", VaadinIcon.SHARE.create(), e -> new ShareDialog(shares, id).open());
            share.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            share.addClassName("share-sweep");
            links.add(change, share);
        }
        if (sweeps.mayActOn(id)) { // courtesy: SweepService.delete checks owner and role itself
            links.add(new DeleteSweepButton(sweeps, sweep));
        }
        links.addClassName("export-links");
        return links;
    }

    private static Div notFound(String id) {
        Div message = new Div(new Paragraph("There is no sweep " + id + "."), new Anchor("sweeps", "All sweeps"));
        message.addClassName("empty-state");
        return message;
    }

}
