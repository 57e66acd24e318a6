package org.chimerabench.execution.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Markers;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;
import org.chimerabench.execution.Arm;
import org.chimerabench.execution.CallStatus;
import org.chimerabench.execution.LiveMonitorService;
import org.chimerabench.execution.LiveSnapshot.RecentCall;

/** One metric of the last calls of a running sweep, one series per arm, x = the call's position in the window. */
class LiveCallsChart extends ApexChart {

    private final String title;
    private final Function<RecentCall, Double> metric;
    private final int decimals;

    LiveCallsChart(String title, Function<RecentCall, Double> metric, int decimals) {
        super(options(title, List.of(), metric, decimals));
        this.title = title;
        this.metric = metric;
        this.decimals = decimals;
        addClassName("live-chart");
    }

    void show(List<RecentCall> calls) {
        setOptions(options(title, calls, metric, decimals));
    }

    static ChartOptions options(String title, List<RecentCall> calls, Function<RecentCall, Double> metric,
                                int decimals) {
        return ChartOptions.of(Chart.of(ChartType.SCATTER, 200),
                        List.of(Series.of("Baseline", points(calls, Arm.BASELINE, metric)),
                                Series.of("Chimera", points(calls, Arm.CHIMERA, metric))))
                .withXaxis(new Axis("numeric", null, new ChartOptions.AxisTitle("the last "
                        + LiveMonitorService.RECENT_CALLS + " calls, oldest first"), null, 0.0,
                        (double) LiveMonitorService.RECENT_CALLS, LiveMonitorService.RECENT_CALLS / 5, 0))
                .withYaxis(scaled(title, calls, metric))
                .withColors(List.of("var(--lumo-contrast-50pct)", "var(--lumo-primary-color)"))
                .withMarkers(new Markers(5))
                .withLegend(new Legend(true, "top"))
                .withValueFormat(decimals, "")
                .withAxisDecimals(scale(calls, metric).decimals());
    }

    /** Round ticks from 0 to just above the largest value shown. */
    private static AxisScale scale(List<RecentCall> calls, Function<RecentCall, Double> metric) {
        double max = calls.stream().map(metric).filter(v -> v != null && Double.isFinite(v))
                .mapToDouble(Double::doubleValue).max().orElse(1);
        return AxisScale.withZero(0, max > 0 ? max : 1, 5);
    }

    private static Axis scaled(String title, List<RecentCall> calls, Function<RecentCall, Double> metric) {
        return Axis.scaled(title, scale(calls, metric));
    }

    /** Points of one arm; warm-ups and failed calls are left out (they are not measured). */
    static List<Point> points(List<RecentCall> calls, Arm arm, Function<RecentCall, Double> metric) {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            RecentCall call = calls.get(i);
            Double value = metric.apply(call);
            if (call.arm() == arm && !call.warmup() && call.status() == CallStatus.OK && value != null) {
                points.add(Point.of(i + 1, ChartOptions.round(value)));
            }
        }
        return points;
    }
}
