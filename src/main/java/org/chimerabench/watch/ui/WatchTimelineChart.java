package org.chimerabench.watch.ui;

import java.util.ArrayList;
import java.util.List;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;
import org.chimerabench.watch.WatchReport;

/**
 * The watch's timeline: each check's change of decode tok/s against the reference (regressions in red) with its
 * 95 % interval, and its change of time to first token; each version, digest or settings change drawn as a marker at
 * the first check after it.
 */
class WatchTimelineChart extends ApexChart {

    static final String EVENT = "hsl(32, 90%, 45%)";

    WatchTimelineChart(WatchReport watch) {
        super(options(watch));
        addClassName("watch-timeline");
        setWidthFull();
    }

    static ChartOptions options(WatchReport watch) {
        List<String> labels = new ArrayList<>();
        List<Object> delta = new ArrayList<>();
        List<Object> low = new ArrayList<>();
        List<Object> high = new ArrayList<>();
        List<Object> ttft = new ArrayList<>();
        List<ChartOptions.Line> markers = new ArrayList<>();
        labels.add("reference");
        delta.add(ChartOptions.Point.of("reference", 0.0));
        low.add(ChartOptions.Point.of("reference", 0.0));
        high.add(ChartOptions.Point.of("reference", 0.0));
        ttft.add(ChartOptions.Point.of("reference", 0.0));
        java.time.OffsetDateTime previous = watch.referenceAt();
        for (WatchReport.Check c : watch.checks()) {
            if (!c.kind().equals("CHECK") || c.deltaPct() == null) {
                continue;
            }
            String label = "#" + c.id() + " " + Numbers.dateTime(c.at()).substring(5, 16);
            labels.add(label);
            boolean regressed = "REGRESSED".equals(c.outcome());
            delta.add(new ChartOptions.Point(label, ChartOptions.round(c.deltaPct()), regressed ? "#d32f2f" : null));
            low.add(ChartOptions.Point.of(label, ChartOptions.round(c.ci95Low())));
            high.add(ChartOptions.Point.of(label, ChartOptions.round(c.ci95High())));
            ttft.add(ChartOptions.Point.of(label, c.ttftDeltaPct() == null ? null : ChartOptions.round(
                    c.ttftDeltaPct())));
            java.time.OffsetDateTime from = previous;
            watch.events().stream().filter(e -> e.before() != null && e.at().isAfter(from)
                    && !e.at().isAfter(c.startedAt()) && e.kind() != org.chimerabench.endpoint.EndpointEventKind.PLACEMENT)
                    .reduce((a, b) -> b).ifPresent(e -> markers.add(ChartOptions.Line.marker(label,
                            shortened(e.description()), EVENT)));
            previous = c.startedAt();
        }
        return ChartOptions.of(ChartOptions.Chart.of(ChartType.LINE, 280), List.of(
                        ChartOptions.Series.of("Decode tok/s vs reference (%)", delta),
                        ChartOptions.Series.of("95 % CI low", low),
                        ChartOptions.Series.of("95 % CI high", high),
                        ChartOptions.Series.of("Time to first token vs reference (%)", ttft)))
                .withXaxis(ChartOptions.Axis.categories(labels, null))
                .withYaxis(ChartOptions.Axis.titled("Change against the reference, %"))
                .withColors(List.of("hsl(214, 80%, 48%)", "hsl(214, 40%, 75%)", "hsl(214, 40%, 75%)",
                        "hsl(280, 45%, 55%)"))
                .withStroke(new ChartOptions.Stroke(2.0, "straight"))
                .withMarkers(new ChartOptions.Markers(5))
                .withAnnotations(new ChartOptions.Annotations(ChartOptions.Annotations.zero(false).yaxis(),
                        markers.isEmpty() ? null : markers))
                .withValueFormat(1, " %");
    }

    private static String shortened(String text) {
        return text.length() <= 40 ? text : text.substring(0, 39) + "…";
    }
}
