package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.chart.ApexChart;
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
        box(boxes, "A · " + a.label(), a.throughputByArm().get(Arm.CHIMERA));
        box(boxes, "B · " + b.label(), b.throughputByArm().get(Arm.CHIMERA));
        return ChartOptions.of(Chart.of(ChartType.BOX_PLOT, 320), List.of(new Series("Chimera tok/s", "boxPlot", boxes)))
                .withYaxis(Axis.titled("tok/s"))
                .withValueFormat(2, "");
    }

    private static void box(List<Point> boxes, String name, Distribution d) {
        if (d != null) {
            boxes.add(Point.of(name, List.of(d.min(), d.q1(), d.median(), d.q3(), d.max())));
        }
    }
}
