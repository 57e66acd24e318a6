package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.SharedComponent;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Annotations;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.AxisTitle;
import org.chimerabench.chart.ChartOptions.Bar;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Labels;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Markers;
import org.chimerabench.chart.ChartOptions.PlotOptions;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions.Stroke;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/** Throughput Δ % per configuration, sorted, green when chimera was faster and red when slower. */
@SharedComponent
public class DeltaBarChart extends ApexChart {

    public DeltaBarChart(List<ConfigurationResult> results) {
        super(options(results));
        addClassName("delta-bar-chart");
    }

    /**
     * Above this many configurations the sorted Δs are drawn as two areas (slower, then faster) instead of bars:
     * at 1,000 bars each is under 1.5 px wide, and drawing them took half a second of the page's time.
     */
    static final int MAX_BARS = 200;

    static ChartOptions options(List<ConfigurationResult> results) {
        List<ConfigurationResult> sorted = results.stream()
                .sorted(Comparator.comparingDouble(r -> r.throughput().deltaPct())).toList();
        List<Point> points = sorted.stream()
                .map(r -> new Point(OptionsJson.shortLabel(r.options()), ChartOptions.round(r.throughput().deltaPct()),
                        r.throughput().deltaPct() > 0 ? ChartOptions.GOOD : ChartOptions.BAD))
                .toList();
        String axisTitle = results.isEmpty() ? "configuration" : String.join("/", results.get(0).options().keySet());
        Axis x = Axis.categories(null, axisTitle);
        if (points.size() > 40) {
            x = x.hideLabels();
        }
        AxisScale scale = AxisScale.withZero(sorted.isEmpty() ? 0 : sorted.get(0).throughput().deltaPct(),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).throughput().deltaPct(), 6);
        List<String> names = sorted.stream().map(r -> OptionsJson.describeOrNone(r.options())).toList();
        if (points.size() > MAX_BARS) {
            return sortedAreas(sorted, axisTitle, scale, names);
        }
        return ChartOptions.of(Chart.of(ChartType.BAR, 360), List.of(Series.of("Throughput Δ", points)))
                .withXaxis(x)
                .withYaxis(Axis.scaled("throughput Δ (%)", scale))
                .withPlotOptions(PlotOptions.bar(new Bar(false, false, points.size() > 40 ? "95%" : "70%")))
                .withAnnotations(Annotations.zero(false))
                .withPointNames(List.of(names))
                .withValueFormat(2, " %")
                .withAxisDecimals(scale.decimals());
    }

    /**
     * The same sorted Δs as two areas over the configurations' rank (1 … n): the slower ones (Δ ≤ 0) in red, then
     * the faster in green. A numeric rank axis with ten ticks, not n categories: n tick marks and labels were most
     * of the drawing time.
     */
    private static ChartOptions sortedAreas(List<ConfigurationResult> sorted, String axisTitle, AxisScale scale,
                                            List<String> names) {
        List<Point> slower = new ArrayList<>();
        List<Point> faster = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            double delta = sorted.get(i).throughput().deltaPct();
            (delta > 0 ? faster : slower).add(Point.of(i + 1, ChartOptions.round(delta)));
        }
        Axis rank = new Axis("numeric", null, new AxisTitle(axisTitle + " — " + sorted.size()
                + " configurations, sorted by Δ"), new Labels(false, null, null, null), 1.0, (double) sorted.size(),
                10, 0);
        return ChartOptions.of(Chart.of(ChartType.AREA, 360), List.of(Series.of("Slower (Δ ≤ 0)", slower),
                        Series.of("Faster (Δ > 0)", faster)))
                .withXaxis(rank)
                .withYaxis(Axis.scaled("throughput Δ (%)", scale))
                .withColors(List.of(ChartOptions.BAD, ChartOptions.GOOD))
                .withStroke(new Stroke(1.5, "straight"))
                .withMarkers(new Markers(0))
                .withLegend(new Legend(true, "top"))
                .withAnnotations(Annotations.zero(false))
                .withPointNames(List.of(names.subList(0, slower.size()), names.subList(slower.size(), names.size())))
                .withValueFormat(2, " %")
                .withAxisDecimals(scale.decimals());
    }

}
