package org.chimerabench.analysis.ui;

import java.util.Comparator;
import java.util.List;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.SharedComponent;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Bar;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.PlotOptions;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/** Throughput Δ % per configuration, sorted, green when chimera was faster and red when slower. */
@SharedComponent
public class DeltaBarChart extends ApexChart {

    public DeltaBarChart(List<ConfigurationResult> results) {
        super(options(results));
        addClassName("delta-bar-chart");
    }

    static ChartOptions options(List<ConfigurationResult> results) {
        List<Point> points = results.stream()
                .sorted(Comparator.comparingDouble(r -> r.throughput().deltaPct()))
                .map(r -> new Point(OptionsJson.shortLabel(r.options()), ChartOptions.round(r.throughput().deltaPct()), r.throughput().deltaPct() > 0 ? ChartOptions.GOOD : ChartOptions.BAD))
                .toList();
        Axis x = Axis.categories(null, "configuration (" + String.join("/", results.isEmpty()
                ? List.of() : results.get(0).options().keySet()) + ")");
        if (points.size() > 40) {
            x = x.hideLabels();
        }
        return ChartOptions.of(Chart.of(ChartType.BAR, 360), List.of(Series.of("Throughput Δ %", points)))
                .withXaxis(x)
                .withYaxis(Axis.titled("throughput Δ %"))
                .withPlotOptions(PlotOptions.bar(new Bar(false, false, points.size() > 40 ? "95%" : "70%")))
                .withValueFormat(3, " %");
    }

}
