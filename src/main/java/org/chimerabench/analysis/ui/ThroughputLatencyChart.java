package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.LoadResult;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Legend;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions.Stroke;
import org.chimerabench.chart.ChartType;
import org.chimerabench.sweep.Load;

/**
 * The throughput–latency curve: per configuration (its options without the load) and arm, one point per load level —
 * aggregate tok/s (y) against TTFT p95 (x) — joined in load order, so a curve bends right where more load only
 * adds waiting. Several sweeps (compare) are told apart by their label.
 */
class ThroughputLatencyChart extends ApexChart {

    static final int MAX_CURVES = 12;

    /** One sweep's load results under a label (null for a single sweep). */
    record Side(String label, List<LoadResult> loads) {
    }

    ThroughputLatencyChart(List<Side> sides) {
        super(options(sides));
        addClassName("throughput-latency-chart");
    }

    static ChartOptions options(List<Side> sides) {
        List<Series> series = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        double maxX = 0;
        double maxY = 0;
        for (Side side : sides) {
            Map<String, List<LoadResult>> curves = new LinkedHashMap<>();
            for (LoadResult load : side.loads()) {
                curves.computeIfAbsent(load.optionsLabel(), k -> new ArrayList<>()).add(load);
            }
            for (Map.Entry<String, List<LoadResult>> curve : curves.entrySet()) {
                List<LoadResult> levels = new ArrayList<>(curve.getValue());
                levels.sort(Comparator.comparingDouble(LoadResult::level));
                for (boolean chimera : new boolean[] {true, false}) {
                    if (series.size() >= 2 * MAX_CURVES) {
                        break;
                    }
                    List<Point> points = new ArrayList<>();
                    List<String> tips = new ArrayList<>();
                    for (LoadResult load : levels) {
                        LoadResult.ArmLoad arm = load.arm(chimera);
                        if (arm.ttftP95Ms() == null) {
                            continue;
                        }
                        points.add(Point.of(ChartOptions.round(arm.ttftP95Ms()),
                                ChartOptions.round(arm.aggregateTokPerSec())));
                        tips.add(curve.getKey() + " · " + (chimera ? "chimera" : "baseline") + " · " + level(load)
                                + ": " + Numbers.number(arm.aggregateTokPerSec(), 1) + " tok/s in all, TTFT p95 "
                                + Numbers.number(arm.ttftP95Ms(), 0) + " ms");
                        maxX = Math.max(maxX, arm.ttftP95Ms());
                        maxY = Math.max(maxY, arm.aggregateTokPerSec());
                    }
                    String name = (side.label() == null ? "" : side.label() + " · ") + curve.getKey() + " · "
                            + (chimera ? "chimera" : "baseline");
                    series.add(Series.of(name, points));
                    names.add(tips);
                }
            }
        }
        AxisScale x = AxisScale.of(0, Math.max(1, maxX), 6);
        AxisScale y = AxisScale.of(0, Math.max(1, maxY), 6);
        return ChartOptions.of(Chart.of(ChartType.LINE, 320), series)
                .withXaxis(Axis.numericScaled("TTFT p95 (ms)", x))
                .withYaxis(Axis.scaled("aggregate tok/s", y))
                .withStroke(new Stroke(2.0, "straight"))
                .withMarkers(new ChartOptions.Markers(5))
                .withLegend(new Legend(true, "top"))
                .withPointNames(names)
                .withValueFormat(1, "")
                .withAxisDecimals(y.decimals());
    }

    /** "concurrency 4", "2.5 requests/s". */
    static String level(LoadResult load) {
        return load.load() == Load.Kind.REQUEST_RATE ? Numbers.plain(load.level()) + " requests/s"
                : "concurrency " + Numbers.plain(load.level());
    }
}
