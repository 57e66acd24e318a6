package org.chimerabench.analysis.ui;

import java.util.List;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.chart.ApexChart;
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
        return ChartOptions.of(Chart.of(ChartType.BAR, 320),
                        List.of(Series.of("A · " + c.a().label(), a), Series.of("B · " + c.b().label(), b)))
                .withXaxis(Axis.categories(null, "configuration"))
                .withYaxis(Axis.titled("throughput Δ %"))
                .withColors(List.of("var(--lumo-primary-color)", "hsl(35, 85%, 55%)"))
                .withLegend(new Legend(true, "top"))
                .withValueFormat(3, " %");
    }
}
