package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.chimerabench.analysis.SweepComparison.MetricComparison;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.Numbers;

/** Per metric: mean A, mean B, difference, Welch t, p, Cohen's d, CV of each. */
class CompareMetricsGrid extends Grid<Map.Entry<String, MetricComparison>> {

    static final Map<String, String> NAMES = Map.of("baselineTokPerSec", "Baseline tok/s", "chimeraTokPerSec",
            "Chimera tok/s", "throughputDeltaPct", "Throughput Δ %", "ttftReductionPct", "TTFT reduction %",
            "ttftMs", "Chimera TTFT ms", "baselineTtftMs", "Baseline TTFT ms");

    CompareMetricsGrid(SweepComparison comparison) {
        addClassName("compare-metrics-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        addColumn(e -> NAMES.getOrDefault(e.getKey(), e.getKey())).setHeader("Metric").setWidth("11rem")
                .setFlexGrow(1);
        number("Mean A", MetricComparison::meanA, 3);
        number("Mean B", MetricComparison::meanB, 3);
        number("A − B", MetricComparison::difference, 3);
        number("Welch t", MetricComparison::welchT, 3);
        addColumn(e -> Numbers.p(e.getValue().pValue())).setHeader("p").setTextAlign(ColumnTextAlign.END);
        number("Cohen's d", MetricComparison::cohensD, 3);
        addColumn(e -> Numbers.pct(e.getValue().cvPctA(), 2)).setHeader("CV A").setTextAlign(ColumnTextAlign.END);
        addColumn(e -> Numbers.pct(e.getValue().cvPctB(), 2)).setHeader("CV B").setTextAlign(ColumnTextAlign.END);
        setItems(List.copyOf(comparison.metrics().entrySet()));
        setAllRowsVisible(true);
    }

    private void number(String header, Function<MetricComparison, Double> value, int decimals) {
        addColumn(e -> Numbers.number(value.apply(e.getValue()), decimals)).setHeader(header)
                .setTextAlign(ColumnTextAlign.END);
    }
}
