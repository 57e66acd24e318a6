package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.ui.Panel;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.SweepEvents;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;

/** The verdict of one sweep on one page: KPIs, charts, recommendations, tables, statistics, configurations. */
@Route("sweeps/:sweepId")
class SweepResultsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final SweepService sweeps;
    private final AnalysisService analyses;
    private final CallService calls;
    private final ExecutionService execution;
    private final LiveMonitorService monitor;
    private final SweepEvents events;
    private String title = "Sweep · Chimera Bench";
    private Pending pending;
    private Div loading;
    private ResultsHeader header;
    private String endpoint;

    private record Pending(SweepDetails sweep, SweepAnalysis analysis) {
    }

    SweepResultsView(SweepService sweeps, AnalysisService analyses, CallService calls, ExecutionService execution,
                     LiveMonitorService monitor, SweepEvents events) {
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
        Optional<Long> id = event.getRouteParameters().get("sweepId").flatMap(Ids::parse);
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
        add(header, exports(sweep));
        List<String> fleet = analyses.endpoints(sweep.id());
        if (fleet.size() > 1) {
            add(new EndpointFilter(sweep.id(), fleet, endpoint));
        }
        if (sweep.status() == SweepStatus.QUEUED || sweep.status() == SweepStatus.RUNNING) {
            add(new LiveMonitor(sweep.id(), monitor, events, execution, () -> refreshHeader(sweep.id()),
                    () -> showEnded(sweep.id())));
        }
        if (analysis.configurations() == 0) {
            Paragraph empty = new Paragraph("No configuration has successful calls in both arms yet, so there is"
                    + " nothing to compare. Figures appear as soon as calls are stored.");
            empty.addClassName("empty-state");
            add(empty);
            return;
        }
        add(new KpiRow(analysis));
        pending = new Pending(sweep, analysis);
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        loading = new Div(progress, new Paragraph("Drawing charts and tables…"));
        loading.addClassName("details-loading");
        add(loading);
        // The headline shows at once; the heavy part follows in the next round trip, after the browser painted.
        getElement().executeJs("requestAnimationFrame(() => setTimeout(() => this.$server.showDetails(), 0))");
    }

    private void refreshHeader(long sweepId) {
        sweeps.find(sweepId).ifPresent(sweep -> {
            ResultsHeader fresh = new ResultsHeader(sweep);
            replace(header, fresh);
            header = fresh;
        });
    }

    /** The sweep ended while the page was open: the verdict replaces the monitor, without a reload. */
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
        if (pending == null) {
            return;
        }
        SweepDetails sweep = pending.sweep();
        SweepAnalysis analysis = pending.analysis();
        pending = null;
        remove(loading);
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        sweep.definition().axes().forEach(axis -> axes.put(axis.option(), axis.values()));
        List<ConfigurationResult> results = analysis.configurationResults();

        Div charts = new Div(
                new Panel("Throughput Δ per configuration", Definitions.THROUGHPUT_DELTA, new DeltaBarChart(results)),
                new Panel("Δ % heatmap", "Mean throughput Δ % over the first two axes.",
                        new DeltaHeatmapChart(List.copyOf(axes.keySet()), axes, results)),
                new Panel("Throughput per arm", Definitions.DISTRIBUTION,
                        new ThroughputBoxPlotChart(analysis.throughputByArm())),
                new Panel("TTFT reduction vs throughput Δ", Definitions.TTFT_REDUCTION, new TtftScatterChart(results)));
        charts.addClassName("chart-grid");

        Div rankings = new Div(
                new Panel("Top 5 by throughput Δ", Definitions.THROUGHPUT_DELTA,
                        new ConfigurationRanking("top-throughput", analysis.topByThroughput(), this::openCalls)),
                new Panel("Top 5 by TTFT reduction", Definitions.TTFT_REDUCTION,
                        new ConfigurationRanking("top-ttft", analysis.topByTtft(), this::openCalls)));
        rankings.addClassName("two-columns");

        List<String> fleet = analyses.endpoints(sweep.id());
        if (fleet.size() > 1 && endpoint == null) {
            add(new Panel("By endpoint", "Each endpoint of the fleet ran its own share of the configurations; "
                    + "its verdict over them (tok/s: median decode rate per arm).",
                    new EndpointBreakdown(sweep.id(), fleet.stream()
                    .map(name -> new EndpointBreakdown.Row(name, analyses.analyse(sweep.id(), name).orElseThrow()))
                    .toList())).wide());
        }
        add(charts,
                new Panel("Recommendations", "Which configuration to use for what; each row states its rule.",
                        new RecommendationGrid(analysis.recommendations())).wide(),
                rankings,
                new Panel("Per-parameter results", Definitions.POSITIVE_RATE,
                        new ParameterTablesPanel(analysis.byParameter())).wide(),
                new Panel("Statistical validation", Definitions.CV, new StatisticsPanel(analysis)).wide(),
                new Panel("All configurations", "Click a row to see the calls behind it. " + Definitions.THROUGHPUT,
                        new ConfigurationsGrid(axes, results, this::openCalls)).wide());
    }

    /** Report, comparison and downloads of this sweep. */
    private static Div exports(SweepDetails sweep) {
        long id = sweep.id();
        Div links = new Div(new Anchor("sweeps/" + id + "/report", "Technical report"),
                new Anchor("compare?a=" + id, "Compare with…"),
                PrintableReport.download("api/sweeps/" + id + "/report.md", "Report (Markdown)"),
                PrintableReport.download("api/sweeps/" + id + "/configurations.csv", "Configurations CSV"),
                PrintableReport.download("api/sweeps/" + id + "/calls", "Calls (JSON)"),
                PrintableReport.download("api/sweeps/" + id + "/analysis", "Analysis (JSON)"));
        if (!sweep.imported()) {
            links.addComponentAsFirst(new Anchor("sweeps/new?from=" + id, "Duplicate sweep"));
        }
        links.addClassName("export-links");
        return links;
    }


    private void openCalls(ConfigurationResult result) {
        new ConfigurationDetailDialog(result, calls.callsOfConfiguration(result.configurationId())).open();
    }

    private static Div notFound(String id) {
        Div message = new Div(new Paragraph("There is no sweep " + id + "."), new Anchor("sweeps", "All sweeps"));
        message.addClassName("empty-state");
        return message;
    }

}
