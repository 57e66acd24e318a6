package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chimerabench.analysis.SweepComparison.MetricComparison;
import org.chimerabench.analysis.Comparisons;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.Numbers;

/** Per metric: mean A, mean B, difference, Welch t, p, Cohen's d, CV of each. */
class CompareMetricsGrid extends Grid<Map.Entry<String, MetricComparison>> {


    CompareMetricsGrid(SweepComparison comparison) {
        addClassName("compare-metrics-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        addColumn(e -> Comparisons.NAMES.getOrDefault(e.getKey(), e.getKey())).setHeader("Metric").setWidth("11rem")
                .setFlexGrow(1);
        number("Mean A", MetricComparison::meanA, null);
        number("Mean B", MetricComparison::meanB, null);
        number("A − B", MetricComparison::difference, null);
        number("Welch t", MetricComparison::welchT, 2);
        addColumn(e -> Numbers.p(e.getValue().pValue())).setHeader("p").setTextAlign(ColumnTextAlign.END);
        number("Cohen's d", MetricComparison::cohensD, 2);
        addColumn(e -> Numbers.number(e.getValue().cvPctA(), 1)).setHeader("CV A (%)").setTextAlign(ColumnTextAlign.END);
        addColumn(e -> Numbers.number(e.getValue().cvPctB(), 1)).setHeader("CV B (%)").setTextAlign(ColumnTextAlign.END);
        setItems(List.copyOf(comparison.metrics().entrySet()));
        setAllRowsVisible(true);
    }

    /** {@code decimals} null = the metric's own (its unit's) decimals. */
    private void number(String header, Function<MetricComparison, Double> value, Integer decimals) {
        addColumn(e -> Numbers.number(value.apply(e.getValue()), decimals != null ? decimals
                : Comparisons.DECIMALS.getOrDefault(e.getKey(), 2))).setHeader(header).setTextAlign(ColumnTextAlign.END);
    }
}
