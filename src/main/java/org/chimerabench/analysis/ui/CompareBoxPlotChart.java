package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;
import org.chimerabench.execution.Arm;

/** Box plots of the per-configuration chimera throughput of each sweep. */
class CompareBoxPlotChart extends ApexChart {

    CompareBoxPlotChart(SweepAnalysis a, SweepAnalysis b) {
        super(options(a, b));
        addClassName("compare-box-chart");
    }

    static ChartOptions options(SweepAnalysis a, SweepAnalysis b) {
        List<Point> boxes = new ArrayList<>();
        box(boxes, "A · " + display(a), a.throughputByArm().get(Arm.CHIMERA), ChartOptions.SIDE_A);
        box(boxes, "B · " + display(b), b.throughputByArm().get(Arm.CHIMERA), ChartOptions.SIDE_B);
        double low = Math.min(min(a), min(b));
        double high = Math.max(max(a), max(b));
        AxisScale scale = AxisScale.of(Double.isFinite(low) ? low : 0, Double.isFinite(high) ? high : 1, 5);
        return ChartOptions.of(Chart.of(ChartType.BOX_PLOT, 320), List.of(new Series("Chimera tok/s", "boxPlot", boxes)))
                .withYaxis(Axis.scaled("chimera throughput (tok/s)", scale))
                .withAxisDecimals(scale.decimals())
                .withValueFormat(2, "");
    }

    private static void box(List<Point> boxes, String name, Distribution d, String colour) {
        if (d != null) {
            boxes.add(new Point(name, List.of(d.min(), d.q1(), d.median(), d.q3(), d.max()), colour));
        }
    }

    private static double min(SweepAnalysis analysis) {
        Distribution d = analysis.throughputByArm().get(Arm.CHIMERA);
        return d == null ? Double.POSITIVE_INFINITY : d.min();
    }

    private static double max(SweepAnalysis analysis) {
        Distribution d = analysis.throughputByArm().get(Arm.CHIMERA);
        return d == null ? Double.NEGATIVE_INFINITY : d.max();
    }

    private static String display(SweepAnalysis analysis) {
        return analysis.label() == null || analysis.label().isBlank() ? "sweep " + analysis.sweepId()
                : analysis.label();
    }

    /** What the reader must know about the axis: it does not start at 0. */
    static final String AXIS_NOTE = "Boxes: minimum, quartiles, maximum of the chimera arm's per-configuration means. The axis does not"
                + " start at 0 tok/s, so small differences look large.";
}
