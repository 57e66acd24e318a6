package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.progressbar.ProgressBar;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.ui.Panel;
import org.chimerabench.base.ui.ScrollCue;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.RaceHistory;
import org.chimerabench.sweep.SweepDetails;

/**
 * The verdict of a sweep as of its stored calls: the verdict sentence and the KPI row at once, then — when {@link #showDetails()} is
 * called, after the browser painted the KPIs — charts, per-endpoint breakdown, recommendations, rankings,
 * per-parameter tables, statistics and every configuration. An empty state while no configuration can be
 * compared yet.
 */
class SweepVerdict extends Composite<Div> {

    private final SweepDetails sweep;
    private final SweepAnalysis analysis;
    private final String endpoint;
    private final List<String> fleet;
    private final AnalysisService analyses;
    private final CallService calls;
    private Div loading;

    /** {@code fleet}: the endpoints whose calls the sweep stored; {@code endpoint}: the one shown, null = all. */
    SweepVerdict(SweepDetails sweep, SweepAnalysis analysis, String endpoint, List<String> fleet,
                 AnalysisService analyses, CallService calls) {
        this(sweep, analysis, endpoint, fleet, analyses, calls, null);
    }

    /** {@code actions} (links, downloads, buttons; may be null) follow the verdict and the KPIs. */
    SweepVerdict(SweepDetails sweep, SweepAnalysis analysis, String endpoint, List<String> fleet,
                 AnalysisService analyses, CallService calls, Component actions) {
        this.sweep = sweep;
        this.analysis = analysis;
        this.endpoint = endpoint;
        this.fleet = fleet;
        this.analyses = analyses;
        this.calls = calls;
        getContent().addClassName("sweep-verdict");
        if (analysis.configurations() == 0) {
            Paragraph empty = new Paragraph("No configuration has successful calls in both arms yet, so there is"
                    + " nothing to compare. Figures appear as soon as calls are stored.");
            empty.addClassName("empty-state");
            getContent().add(empty);
            if (analysis.verdict().validity() != null && analysis.verdict().validity().loads() > 0) {
                getContent().add(new ValidityNote(analysis.verdict().validity()));
            }
            if (actions != null) {
                getContent().add(actions);
            }
            return;
        }
        ProgressBar progress = new ProgressBar();
        progress.setIndeterminate(true);
        loading = new Div(progress, new Paragraph("Drawing charts and tables…"));
        loading.addClassName("details-loading");
        getContent().add(new VerdictBanner(analysis.verdict(), analysis.provisional()));
        boolean invalid = analysis.verdict().overall() == org.chimerabench.analysis.Outcome.INVALID;
        if (analysis.verdict().validity() != null) {
            getContent().add(new ValidityNote(analysis.verdict().validity()));
        }
        if (analysis.adaptive() != null) {
            Paragraph race = new Paragraph(analysis.adaptive().sentence());
            race.addClassName("race-summary");
            getContent().add(race);
        }
        if (!invalid) { // no headline numbers for a measurement that did not measure what it claims
            getContent().add(new KpiRow(analysis));
        }
        if (actions != null) {
            getContent().add(actions);
        }
        getContent().add(loading);
    }

    /** True while the charts and tables are still to be added. */
    boolean hasDetails() {
        return loading != null;
    }

    void showDetails() {
        if (loading == null) {
            return;
        }
        getContent().remove(loading);
        loading = null;
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        sweep.definition().axes().forEach(axis -> axes.put(axis.option(), axis.values()));
        List<ConfigurationResult> results = analysis.configurationResults();

        boolean ttftMeasured = !TtftScatterChart.measured(results, null).isEmpty();
        Div charts = new Div(
                new Panel("Throughput Δ per configuration", Definitions.THROUGHPUT_DELTA, new DeltaBarChart(results)),
                new Panel("Throughput Δ heatmap", "Mean throughput Δ % over the first two axes; colour depth = size"
                        + " of Δ (legend below).", axes.size() < 2
                        ? why("A heatmap needs two axes; this sweep varies " + (axes.isEmpty() ? "none"
                        : "only " + String.join(", ", axes.keySet())) + ".")
                        : new DeltaHeatmapChart(List.copyOf(axes.keySet()), axes, results)),
                new Panel("Throughput per arm", Definitions.DISTRIBUTION,
                        new ThroughputBoxPlotChart(analysis.throughputByArm()), note(ThroughputBoxPlotChart.AXIS_NOTE)),
                new Panel("TTFT reduction vs throughput Δ", Definitions.TTFT_REDUCTION, ttftMeasured
                        ? new TtftScatterChart(results) : why("No configuration has a measured time to first token.")));
        charts.addClassName("chart-grid");

        Div rankings = new Div(
                new Panel("Top 5 by throughput Δ", Definitions.THROUGHPUT_DELTA,
                        new ConfigurationRanking("top-throughput", analysis.topByThroughput(), this::openCalls)),
                new Panel("Top 5 by TTFT reduction", Definitions.TTFT_REDUCTION,
                        new ConfigurationRanking("top-ttft", analysis.topByTtft(), this::openCalls)));
        rankings.addClassName("two-columns");

        if (!analysis.byLoad().isEmpty()) {
            getContent().add(loadPanels(axes));
        }
        if (analysis.adaptive() != null) {
            analyses.raceRounds(sweep.id()).filter(history -> !history.rounds().isEmpty())
                    .ifPresent(history -> getContent().add(racePanel(history, results)));
        }
        if (fleet.size() > 1 && endpoint == null) {
            getContent().add(new Panel("By endpoint", "Each endpoint of the fleet ran its own share of the"
                    + " configurations; its verdict over them (tok/s: median decode rate per arm).",
                    new EndpointBreakdown(sweep.id(), fleet.stream().map(name -> new EndpointBreakdown.Row(name,
                            analyses.analyse(sweep.id(), name).orElseThrow())).toList())).wide());
        }
        getContent().add(charts,
                new Panel("Recommendations", "Which configuration to use for what; each row states its rule.",
                        new RecommendationGrid(analysis.recommendations())).wide(),
                rankings,
                new Panel("Per-parameter results", Definitions.POSITIVE_RATE,
                        new ParameterTablesPanel(analysis.byParameter())).wide(),
                new Panel("Statistical validation", Definitions.CV, new StatisticsPanel(analysis)).wide(),
                new Panel("All configurations", "Click a row to see the calls behind it. " + Definitions.THROUGHPUT,
                        new ConfigurationsGrid(axes, results, this::openCalls)).wide());
    }

    /** Under load (§6.7): the throughput–latency curve, every level's figures, the per-parameter tables per level. */
    private Div loadPanels(Map<String, List<Object>> axes) {
        Div panels = new Div(new Panel("Throughput under load", "Aggregate tok/s against TTFT p95, one point per load"
                        + " level, one line per configuration and arm: where a line bends right, more load only adds"
                        + " waiting.", new ThroughputLatencyChart(List.of(new ThroughputLatencyChart.Side(null,
                        analysis.byLoad())))).wide(),
                new Panel("Each load level", LoadGrid.EFFICIENCY, ScrollCue.wrap(new LoadGrid(analysis.byLoad())))
                        .wide());
        analysis.byParameterPerLoad(axes).forEach((level, tables) -> panels.add(new Panel("Per-parameter results at "
                + ThroughputLatencyChart.level(analysis.byLoad().stream().filter(l -> l.level() == level).findFirst()
                .orElseThrow()), Definitions.POSITIVE_RATE, new ParameterTablesPanel(tables)).wide()));
        panels.addClassName("load-panels");
        return panels;
    }

    private Panel racePanel(RaceHistory history, List<ConfigurationResult> results) {
        Map<Long, Map<String, Object>> options = new HashMap<>();
        results.forEach(r -> options.put(r.configurationId(), r.options()));
        String unit = switch (history.plan().objective()) {
            case CHIMERA_DECODE_TOK_PER_SEC -> "tok/s";
            case THROUGHPUT_DELTA_PCT -> "throughput Δ (%)";
            case TTFT_MS -> "TTFT (ms)";
        };
        int configurations = (int) history.rounds().stream().flatMap(r -> r.entries().stream())
                .map(RaceHistory.Entry::configurationId).distinct().count();
        String more = configurations > RaceRoundsChart.MAX_DRAWN ? " The " + RaceRoundsChart.MAX_DRAWN
                + " that raced longest are drawn, of " + configurations + "." : "";
        String title = "Race, round by round";
        String description = "The " + history.plan().objective().label() + " of each configuration, with its "
                + Math.round(history.plan().confidence() * 100) + " % confidence interval, after each round.";
        boolean intervals = history.rounds().stream().flatMap(r -> r.entries().stream())
                .anyMatch(e -> e.halfWidth() != null);
        if (!intervals) {
            return new Panel(title, description, why("The intervals appear after round 2: a confidence interval"
                    + " needs two values.")).wide();
        }
        return new Panel(title, description, new RaceRoundsChart(history, options,
                analysis.adaptive().leaderConfigurationId(), unit), note(RaceRoundsChart.NOTE + more)).wide();
    }

    /** Said instead of a chart that would be empty. */
    static Paragraph why(String reason) {
        Paragraph text = new Paragraph(reason);
        text.addClassName("chart-empty");
        return text;
    }

    /** A sentence under a chart that the reader needs to read it right. */
    static Paragraph note(String text) {
        Paragraph note = new Paragraph(text);
        note.addClassName("chart-note");
        return note;
    }

    /** Reads calls only while this holds (a share link still valid); checked on every action, not once. */
    void onlyWhile(java.util.function.BooleanSupplier allowed) {
        this.allowed = allowed;
    }

    private java.util.function.BooleanSupplier allowed = () -> true;

    private void openCalls(ConfigurationResult result) {
        if (!allowed.getAsBoolean()) {
            com.vaadin.flow.component.notification.Notification.show("This link was revoked or has expired:"
                    + " nothing more is shown.", 5000, com.vaadin.flow.component.notification.Notification.Position
                    .MIDDLE);
            return;
        }
        new ConfigurationDetailDialog(result, calls.callsOfConfiguration(result.configurationId())).open();
    }
}
