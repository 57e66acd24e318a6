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
import org.chimerabench.chart.ApexChart;
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
        for (Object row : axisValues.get(rows)) {
            List<Point> cells = new ArrayList<>();
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
            }
            series.add(Series.of(rows + " " + OptionsJson.format(row), cells));
        }
        return ChartOptions.of(Chart.of(ChartType.HEATMAP, 60 + 44 * series.size()), series)
                .withXaxis(Axis.categories(null, columns))
                .withPlotOptions(PlotOptions.heatmap(new Heatmap(false, new ColorScale(List.of(
                        new ColorRange(-1e9, -1e-12, ChartOptions.BAD, "slower"),
                        new ColorRange(0, 0, "var(--lumo-contrast-30pct)", "equal"),
                        new ColorRange(1e-12, 1e9, ChartOptions.GOOD, "faster"))))))
                .withDataLabels(new ChartOptions.DataLabels(true))
                .withValueFormat(2, " %");
    }

    private static boolean same(Object a, Object b) {
        return Objects.equals(OptionsJson.format(a), OptionsJson.format(b));
    }
}
