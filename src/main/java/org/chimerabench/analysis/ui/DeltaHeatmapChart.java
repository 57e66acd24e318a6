package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.Numbers;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.AxisScale;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.ColorRange;
import org.chimerabench.chart.ChartOptions.ColorScale;
import org.chimerabench.chart.ChartOptions.Heatmap;
import org.chimerabench.chart.ChartOptions.PlotOptions;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.chimerabench.chart.ChartOptions;
import org.chimerabench.chart.ChartType;

/**
 * Throughput Δ % over the first two axes (columns × rows). With a third axis, a selector picks its value;
 * further axes are averaged over. The chart is updated in place when the selection changes.
 */
class DeltaHeatmapChart extends Composite<Div> {

    private final ApexChart chart;

    DeltaHeatmapChart(List<String> axes, Map<String, List<Object>> axisValues, List<ConfigurationResult> results) {
        getContent().addClassName("heatmap-panel");
        if (axes.size() < 2) {
            chart = new ApexChart(options(axes, axisValues, results, null));
            getContent().add(chart);
            return;
        }
        String third = axes.size() > 2 ? axes.get(2) : null;
        Object first = third == null ? null : axisValues.get(third).get(0);
        chart = new ApexChart(options(axes, axisValues, results, first));
        chart.addClassName("delta-heatmap-chart");
        if (third != null) {
            Select<Object> selector = new Select<>();
            selector.setLabel(third);
            selector.setItems(axisValues.get(third));
            selector.setItemLabelGenerator(OptionsJson::format);
            selector.setValue(first);
            selector.addValueChangeListener(event -> chart.setOptions(options(axes, axisValues, results,
                    event.getValue())));
            selector.addClassName("heatmap-selector");
            getContent().add(selector);
        }
        getContent().add(chart);
    }

    static ChartOptions options(List<String> axes, Map<String, List<Object>> axisValues,
                                List<ConfigurationResult> results, Object thirdValue) {
        if (axes.size() < 2) {
            return ChartOptions.of(Chart.of(ChartType.HEATMAP, 280), List.of());
        }
        String columns = axes.get(0);
        String rows = axes.get(1);
        String third = axes.size() > 2 ? axes.get(2) : null;
        List<Series> series = new ArrayList<>();
        List<List<String>> names = new ArrayList<>();
        for (Object row : axisValues.get(rows)) {
            List<Point> cells = new ArrayList<>();
            List<String> rowNames = new ArrayList<>();
            names.add(rowNames);
            for (Object column : axisValues.get(columns)) {
                double sum = 0;
                int count = 0;
                for (ConfigurationResult r : results) {
                    if (same(r.options().get(columns), column) && same(r.options().get(rows), row)
                            && (third == null || same(r.options().get(third), thirdValue))) {
                        sum += r.throughput().deltaPct();
                        count++;
                    }
                }
                cells.add(Point.of(OptionsJson.format(column), count == 0 ? null : ChartOptions.round(sum / count)));
                rowNames.add(columns + "=" + OptionsJson.format(column) + " · " + rows + "=" + OptionsJson.format(row)
                        + (third == null ? "" : " · " + third + "=" + OptionsJson.format(thirdValue))
                        + (axes.size() > 3 ? " (mean over the other axes)" : "")
                        + (count == 0 ? " — not measured" : ""));
            }
            series.add(Series.of(rows + " " + OptionsJson.format(row), cells));
        }
        double largest = series.stream().flatMap(row -> row.data().stream()).map(cell -> ((Point) cell).y())
                .filter(y -> y != null).mapToDouble(y -> Math.abs((Double) y)).max().orElse(0);
        int cellHeight = series.size() <= 8 ? 40 : 30;
        return ChartOptions.of(Chart.of(ChartType.HEATMAP, 110 + cellHeight * series.size()), series)
                .withXaxis(Axis.categories(null, columns))
                .withPlotOptions(PlotOptions.heatmap(new Heatmap(false, new ColorScale(diverging(largest)))))
                .withDataLabels(ChartOptions.DataLabels.dark())
                .withLegend(new ChartOptions.Legend(true, "bottom"))
                .withPointNames(names)
                .withValueFormat(2, " %");
    }

    /** Shades per step of a round scale up to the largest |Δ|. */
    private static final int SHADES = 4;

    /**
     * A diverging scale: red for slower, green for faster, deeper with the size of Δ, grey for exactly 0; each
     * range named by its values for the legend.
     */
    static List<ColorRange> diverging(double largestAbsDelta) {
        AxisScale scale = AxisScale.of(0, largestAbsDelta == 0 ? 1 : largestAbsDelta, SHADES);
        List<ColorRange> ranges = new ArrayList<>();
        int decimals = scale.decimals();
        for (int i = scale.tickAmount() - 1; i >= 0; i--) {
            double from = -(i + 1) * scale.step();
            double to = -i * scale.step();
            ranges.add(new ColorRange(i == scale.tickAmount() - 1 ? -1e9 : from, i == 0 ? -1e-12 : to,
                    shade(3, 75, i, scale.tickAmount()), Numbers.signed(from, decimals) + " to "
                    + Numbers.signed(to, decimals) + " %"));
        }
        ranges.add(new ColorRange(0, 0, "hsl(0, 0%, 85%)", "0 %"));
        for (int i = 0; i < scale.tickAmount(); i++) {
            double from = i * scale.step();
            double to = (i + 1) * scale.step();
            ranges.add(new ColorRange(i == 0 ? 1e-12 : from, i == scale.tickAmount() - 1 ? 1e9 : to,
                    shade(145, 55, i, scale.tickAmount()), Numbers.signed(from, decimals) + " to "
                    + Numbers.signed(to, decimals) + " %"));
        }
        return ranges;
    }

    /** Lighter for small |Δ| (step 0), deeper for large. */
    private static String shade(int hue, int saturation, int step, int steps) {
        int lightness = 85 - (int) Math.round(step * 30.0 / Math.max(1, steps - 1)); // 85 % … 55 %: dark text reads
        return "hsl(" + hue + ", " + saturation + "%, " + lightness + "%)";
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(OptionsJson.format(a), OptionsJson.format(b));
    }
}
