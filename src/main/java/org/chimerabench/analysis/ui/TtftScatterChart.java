package org.chimerabench.analysis.ui;

import java.util.List;
import java.util.function.ToDoubleFunction;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Annotations;
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
        List<ConfigurationResult> improved = measured(results, true);
        List<ConfigurationResult> notImproved = measured(results, false);
        List<ConfigurationResult> all = measured(results, null);
        AxisScale x = AxisScale.withZero(min(all, r -> r.throughput().deltaPct()),
                max(all, r -> r.throughput().deltaPct()), 6);
        AxisScale y = AxisScale.withZero(min(all, r -> r.ttft().ttftReductionPct()),
                max(all, r -> r.ttft().ttftReductionPct()), 6);
        return ChartOptions.of(Chart.of(ChartType.SCATTER, 300),
                        List.of(Series.of("Faster (Δ > 0)", points(improved)), Series.of("Not faster", points(notImproved))))
                .withXaxis(Axis.numericScaled("throughput Δ (%)", x))
                .withYaxis(Axis.scaled("TTFT reduction (%)", y))
                .withColors(List.of(ChartOptions.GOOD, ChartOptions.BAD))
                .withMarkers(new Markers(6))
                .withLegend(new Legend(true, "top"))
                .withAnnotations(Annotations.zero(true))
                .withPointNames(List.of(names(improved), names(notImproved)))
                .withValueFormat(1, " %")
                .withAxisDecimals(y.decimals());
    }

    /** Configurations with a TTFT; {@code improved} null = all of them. */
    static List<ConfigurationResult> measured(List<ConfigurationResult> results, Boolean improved) {
        return results.stream().filter(r -> r.ttft().ttftReductionPct() != null
                && (improved == null || r.significance().improved() == improved)).toList();
    }

    private static List<Point> points(List<ConfigurationResult> results) {
        return results.stream().map(r -> Point.of(ChartOptions.round(r.throughput().deltaPct()),
                ChartOptions.round(r.ttft().ttftReductionPct()))).toList();
    }

    private static List<String> names(List<ConfigurationResult> results) {
        return results.stream().map(r -> OptionsJson.describeOrNone(r.options())).toList();
    }

    private static double min(List<ConfigurationResult> results, ToDoubleFunction<ConfigurationResult> value) {
        return results.stream().mapToDouble(value).min().orElse(0);
    }

    private static double max(List<ConfigurationResult> results, ToDoubleFunction<ConfigurationResult> value) {
        return results.stream().mapToDouble(value).max().orElse(0);
    }
}
