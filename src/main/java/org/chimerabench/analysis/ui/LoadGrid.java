package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.chimerabench.analysis.LoadResult;
import org.chimerabench.base.Numbers;

/**
 * Every configuration at its load, per arm: aggregate and per-stream tok/s, requests/s, TTFT and E2E p95, the queue
 * estimate and the parallel efficiency (§6.7), sorted by configuration then load.
 */
class LoadGrid extends Grid<LoadGrid.Row> {

    /** One arm of one configuration at its load. */
    record Row(LoadResult load, boolean chimera) {

        LoadResult.ArmLoad arm() {
            return load.arm(chimera);
        }
    }

    static final String EFFICIENCY = "Parallel efficiency = aggregate tok/s ÷ (N × the aggregate tok/s of the same"
            + " options at concurrency 1): 100 % would be N streams as fast as one alone.";

    LoadGrid(List<LoadResult> loads) {
        addClassName("load-grid");
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        addColumn(r -> r.load().optionsLabel()).setHeader("Configuration").setFlexGrow(1).setWidth("14rem")
                .setTooltipGenerator(r -> r.load().optionsLabel());
        addColumn(r -> ThroughputLatencyChart.level(r.load())).setHeader("Load").setWidth("9rem").setFlexGrow(0);
        addColumn(r -> r.chimera() ? "Chimera" : "Baseline").setHeader("Arm").setWidth("6rem").setFlexGrow(0);
        number("Aggregate tok/s", r -> r.arm().aggregateTokPerSec(), 1, "Generated tokens of all the batches ÷ their"
                + " wall time (first call's start to last call's end)");
        number("Per stream tok/s", r -> r.arm().perStreamDecodeTokPerSec(), 1, "Mean decode rate of one call");
        number("Requests/s", r -> r.arm().requestsPerSec(), 2, "Calls completed ÷ the batches' wall time");
        number("TTFT p95 (ms)", r -> r.arm().ttftP95Ms(), 0, "95th percentile of the time to the first token");
        number("E2E p95 (ms)", r -> r.arm().e2eP95Ms(), 0, "95th percentile of the time to the last token");
        number("Queue (ms)", r -> r.arm().queueMsMean(), 0, "Mean wait in the server's queue, estimated: time to"
                + " headers − load − prompt eval");
        addColumn(r -> r.arm().efficiencyShown("needs concurrency 1")).setHeader("Efficiency")
                .setWidth("9rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> EFFICIENCY);
        List<Row> rows = new ArrayList<>();
        List<LoadResult> sorted = new ArrayList<>(loads);
        sorted.sort(Comparator.comparing(LoadResult::optionsLabel)
                .thenComparingDouble(LoadResult::level));
        for (LoadResult load : sorted) {
            rows.add(new Row(load, true));
            rows.add(new Row(load, false));
        }
        setItems(rows);
        setAllRowsVisible(rows.size() <= 40);
    }

    private void number(String header, Function<Row, Double> value, int decimals, String meaning) {
        addColumn(r -> Numbers.number(value.apply(r), decimals)).setHeader(header).setWidth("8.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> meaning);
    }
}
