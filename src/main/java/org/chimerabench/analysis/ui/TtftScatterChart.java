package org.chimerabench.analysis.ui;

import java.util.List;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Markers;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/** Each configuration as a point: throughput Δ % (x) against TTFT reduction % (y). */
class TtftScatterChart extends ApexChart {

    TtftScatterChart(List<ConfigurationResult> results) {
        super(options(results));
        addClassName("scatter-chart");
    }

    static ChartOptions options(List<ConfigurationResult> results) {
        List<Point> improved = points(results, true);
        List<Point> notImproved = points(results, false);
        return ChartOptions.of(Chart.of(ChartType.SCATTER, 300),
                        List.of(Series.of("Improved", improved), Series.of("Not improved", notImproved)))
                .withXaxis(Axis.numeric("throughput Δ %"))
                .withYaxis(Axis.titled("TTFT reduction %"))
                .withColors(List.of(ChartOptions.GOOD, ChartOptions.BAD))
                .withMarkers(new Markers(6))
                .withLegend(new Legend(true, "top"))
                .withValueFormat(2, " %");
    }

    private static List<Point> points(List<ConfigurationResult> results, boolean improved) {
        return results.stream().filter(r -> r.significance().improved() == improved && r.ttft().ttftReductionPct() != null)
                .map(r -> Point.of(ChartOptions.round(r.throughput().deltaPct()), ChartOptions.round(r.ttft().ttftReductionPct())))
                .toList();
    }
}
