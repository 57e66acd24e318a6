package org.chimerabench.watch.ui;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;
import org.chimerabench.endpoint.EndpointEventKind;
import org.chimerabench.watch.WatchReport;

/**
 * The watch's timeline of one metric against the reference: each check's change with its 95 % interval, and each
 * version, digest or settings change drawn as a marker at the first check after it. Decode tok/s and time to first token each get their own chart (their own scale: a noisy TTFT
 * must not flatten the judged line).
 */
class WatchTimelineChart extends ApexChart {

    static final String EVENT = "hsl(32, 90%, 45%)";

    /** Which metric: its axis title, its colour, its values per check (change, low, high). */
    enum Metric {
        DECODE_RATE("Decode tok/s vs reference, %", "hsl(214, 80%, 48%)",
                c -> new Double[] {c.deltaPct(), c.ci95Low(), c.ci95High()}),
        FIRST_TOKEN_TIME("TTFT vs reference, % (lower: sooner)", "hsl(280, 45%, 50%)",
                c -> new Double[] {c.ttftDeltaPct(), c.ttftCi95Low(), c.ttftCi95High()});

        final String title;
        final String colour;
        final Function<WatchReport.Check, Double[]> values;

        Metric(String title, String colour, Function<WatchReport.Check, Double[]> values) {
            this.title = title;
            this.colour = colour;
            this.values = values;
        }
    }

    WatchTimelineChart(WatchReport watch, Metric metric) {
        super(options(watch, metric));
        addClassName("watch-timeline");
        addClassName(metric == Metric.DECODE_RATE ? "watch-timeline-decode" : "watch-timeline-ttft");
        setWidthFull();
    }

    static ChartOptions options(WatchReport watch, Metric metric) {
        List<String> labels = new ArrayList<>(List.of("reference"));
        List<Object> change = new ArrayList<>(List.of(ChartOptions.Point.of("reference", 0.0)));
        List<Object> low = new ArrayList<>(List.of(ChartOptions.Point.of("reference", 0.0)));
        List<Object> high = new ArrayList<>(List.of(ChartOptions.Point.of("reference", 0.0)));
        List<ChartOptions.Line> markers = new ArrayList<>();
        OffsetDateTime previous = watch.referenceAt();
        for (WatchReport.Check c : watch.checks()) {
            if (!c.kind().equals("CHECK") || c.deltaPct() == null) {
                continue;
            }
            String label = "#" + c.id() + " " + Numbers.dateTime(c.at()).substring(5, 16);
            labels.add(label);
            Double[] v = metric.values.apply(c);
            change.add(ChartOptions.Point.of(label, v[0] == null ? null : ChartOptions.round(v[0])));
            low.add(ChartOptions.Point.of(label, v[1] == null ? null : ChartOptions.round(v[1])));
            high.add(ChartOptions.Point.of(label, v[2] == null ? null : ChartOptions.round(v[2])));
            OffsetDateTime from = previous;
            watch.events().stream().filter(e -> e.before() != null && e.at().isAfter(from)
                            && !e.at().isAfter(c.startedAt()) && e.kind() != EndpointEventKind.PLACEMENT)
                    .reduce((a, b) -> b).ifPresent(e -> markers.add(ChartOptions.Line.marker(label,
                            shortened(e.description()), EVENT)));
            previous = c.startedAt();
        }
        return ChartOptions.of(ChartOptions.Chart.of(ChartType.LINE, 240), List.of(
                        ChartOptions.Series.of("Change", change),
                        ChartOptions.Series.of("95 % CI low", low),
                        ChartOptions.Series.of("95 % CI high", high)))
                .withXaxis(ChartOptions.Axis.categories(labels, null))
                .withYaxis(ChartOptions.Axis.titled(metric.title))
                .withColors(List.of(metric.colour, "hsl(214, 25%, 72%)", "hsl(214, 25%, 72%)"))
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
