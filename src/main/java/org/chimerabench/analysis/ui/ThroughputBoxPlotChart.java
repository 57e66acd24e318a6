package org.chimerabench.analysis.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.BoxColors;
import org.chimerabench.chart.ChartOptions.BoxPlot;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.PlotOptions;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;
import org.chimerabench.execution.Arm;

/** Box plot (min, Q1, median, Q3, max) of the per-configuration mean throughput of each arm. */
class ThroughputBoxPlotChart extends ApexChart {

    ThroughputBoxPlotChart(Map<Arm, Distribution> byArm) {
        super(options(byArm));
        addClassName("box-plot-chart");
    }

    static ChartOptions options(Map<Arm, Distribution> byArm) {
        List<Point> boxes = new ArrayList<>();
        byArm.forEach((arm, d) -> boxes.add(Point.of(arm.label(),
                List.of(r(d.min()), r(d.q1()), r(d.median()), r(d.q3()), r(d.max())))));
        double low = byArm.values().stream().mapToDouble(Distribution::min).min().orElse(0);
        double high = byArm.values().stream().mapToDouble(Distribution::max).max().orElse(1);
        AxisScale scale = AxisScale.of(low, high, 5);
        return ChartOptions.of(Chart.of(ChartType.BOX_PLOT, 300), List.of(new Series("Throughput", "boxPlot", boxes)))
                .withYaxis(Axis.scaled("throughput (tok/s)", scale))
                .withAxisDecimals(scale.decimals())
                .withPlotOptions(PlotOptions.boxPlot(new BoxPlot(new BoxColors("var(--lumo-primary-color-50pct)",
                        "var(--lumo-primary-color)"))))
                .withValueFormat(2, "");
    }

    /** The axis is fitted to the data (not from 0); the page says so under the chart. */
    static final String AXIS_NOTE = "Boxes: minimum, quartiles, maximum of the per-configuration means. The axis"
            + " does not start at 0 tok/s, so small differences look large.";

    private static double r(double value) {
        return Math.round(value * 1e4) / 1e4;
    }
}
