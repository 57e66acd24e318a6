package org.chimerabench.analysis.ui;

import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.stream.DoubleStream;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Annotations;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/** Throughput Δ % of A and B over their shared configurations, as grouped bars. */
class CompareDeltaChart extends ApexChart {

    CompareDeltaChart(SweepComparison comparison) {
        super(options(comparison));
        addClassName("compare-delta-chart");
    }

    static ChartOptions options(SweepComparison c) {
        List<Point> a = c.sharedConfigurations().stream()
                .map(s -> Point.of(OptionsJson.shortLabel(s.options()), ChartOptions.round(s.deltaPctA()))).toList();
        List<Point> b = c.sharedConfigurations().stream()
                .map(s -> Point.of(OptionsJson.shortLabel(s.options()), ChartOptions.round(s.deltaPctB()))).toList();
        DoubleSummaryStatistics range = c.sharedConfigurations().stream()
                .flatMapToDouble(s -> DoubleStream.of(s.deltaPctA(), s.deltaPctB())).summaryStatistics();
        AxisScale scale = AxisScale.withZero(range.getCount() == 0 ? 0 : range.getMin(),
                range.getCount() == 0 ? 0 : range.getMax(), 6);
        List<String> names = c.sharedConfigurations().stream().map(s -> OptionsJson.describeOrNone(s.options()))
                .toList();
        return ChartOptions.of(Chart.of(ChartType.BAR, 320),
                        List.of(Series.of("A · " + c.a().display(), a), Series.of("B · " + c.b().display(), b)))
                .withXaxis(Axis.categories(null, "configuration"))
                .withYaxis(Axis.scaled("throughput Δ (%)", scale))
                .withColors(List.of(ChartOptions.SIDE_A, ChartOptions.SIDE_B))
                .withLegend(new Legend(true, "top"))
                .withAnnotations(Annotations.zero(false))
                .withPointNames(List.of(names, names))
                .withValueFormat(2, " %")
                .withAxisDecimals(scale.decimals());
    }
}
