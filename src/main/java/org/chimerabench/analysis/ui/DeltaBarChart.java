package org.chimerabench.analysis.ui;

import java.util.Comparator;
import java.util.List;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.SharedComponent;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Annotations;
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
        List<ConfigurationResult> sorted = results.stream()
                .sorted(Comparator.comparingDouble(r -> r.throughput().deltaPct())).toList();
        List<Point> points = sorted.stream()
                .map(r -> new Point(OptionsJson.shortLabel(r.options()), ChartOptions.round(r.throughput().deltaPct()),
                        r.throughput().deltaPct() > 0 ? ChartOptions.GOOD : ChartOptions.BAD))
                .toList();
        Axis x = Axis.categories(null, results.isEmpty() ? "configuration"
                : String.join("/", results.get(0).options().keySet()));
        if (points.size() > 40) {
            x = x.hideLabels();
        }
        AxisScale scale = AxisScale.withZero(sorted.isEmpty() ? 0 : sorted.get(0).throughput().deltaPct(),
                sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1).throughput().deltaPct(), 6);
        return ChartOptions.of(Chart.of(ChartType.BAR, 360), List.of(Series.of("Throughput Δ", points)))
                .withXaxis(x)
                .withYaxis(Axis.scaled("throughput Δ (%)", scale))
                .withPlotOptions(PlotOptions.bar(new Bar(false, false, points.size() > 40 ? "95%" : "70%")))
                .withAnnotations(Annotations.zero(false))
                .withPointNames(List.of(sorted.stream().map(r -> OptionsJson.describeOrNone(r.options())).toList()))
                .withValueFormat(2, " %")
                .withAxisDecimals(scale.decimals());
    }

}
