package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.Distribution;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.ui.ScrollCue;
import org.chimerabench.execution.Arm;

/** Statistical validation: distributions, CV overall and per arm, the t-tests in words, significance. */
class StatisticsPanel extends Composite<Div> {

    record Row(String what, Distribution distribution, int decimals) {
    }

    StatisticsPanel(SweepAnalysis analysis) {
        List<Row> rows = new ArrayList<>();
        addRows(rows, "Throughput (tok/s)", analysis.throughput(), analysis.throughputByArm().get(Arm.BASELINE),
                analysis.throughputByArm().get(Arm.CHIMERA), 2);
        addRows(rows, "TTFT (ms)", analysis.ttftMs(), analysis.ttftMsByArm().get(Arm.BASELINE),
                analysis.ttftMsByArm().get(Arm.CHIMERA), 0);
        Paragraph throughput = new Paragraph("Throughput Δ: " + analysis.throughputDeltaPct().verdict(0.05, " %"));
        Paragraph ttft = new Paragraph("TTFT reduction: " + analysis.ttftReductionPct().verdict(0.05, " %"));
        Paragraph significance = new Paragraph(analysis.significantlyImprovedConfigurations() == null
                ? "Per-configuration tests need ≥ 2 trials per arm; this sweep has " + analysis.minTrialsPerArm()
                + " — the success rate counts Δ > 0 without a significance test."
                : analysis.significantlyImprovedConfigurations() + " of " + analysis.configurations()
                + " configurations significantly improved (Welch, Benjamini–Hochberg q < 0.05).");
        throughput.addClassName("verdict-throughput");
        ttft.addClassName("verdict-ttft");
        significance.setTitle(Definitions.SIGNIFICANCE);
        getContent().addClassName("statistics-panel");
        getContent().add(ScrollCue.wrap(grid(rows)), throughput, ttft, significance);
    }

    private static void addRows(List<Row> rows, String what, Distribution all, Distribution baseline,
                                Distribution chimera, int decimals) {
        if (all != null) {
            rows.add(new Row(what + ", both arms", all, decimals));
        }
        if (baseline != null) {
            rows.add(new Row(what + ", baseline", baseline, decimals));
        }
        if (chimera != null) {
            rows.add(new Row(what + ", chimera", chimera, decimals));
        }
    }

    private static Grid<Row> grid(List<Row> rows) {
        Grid<Row> grid = new Grid<>();
        grid.addClassName("distribution-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(Row::what).setHeader("Per-(configuration, arm) means").setWidth("14rem").setFlexGrow(1)
                .setTooltipGenerator(r -> Definitions.DISTRIBUTION);
        column(grid, "Min", Distribution::min);
        column(grid, "Q1", Distribution::q1);
        column(grid, "Median", Distribution::median);
        column(grid, "Q3", Distribution::q3);
        column(grid, "Max", Distribution::max);
        column(grid, "Mean", Distribution::mean);
        column(grid, "SD", Distribution::stdDev);
        grid.addColumn(r -> Numbers.number(r.distribution().cvPct(), 2)).setHeader("CV (%)").setWidth("6rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.CV);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static void column(Grid<Row> grid, String header, Function<Distribution, Double> value) {
        grid.addColumn(r -> Numbers.number(value.apply(r.distribution()), r.decimals())).setHeader(header)
                .setWidth("6.5rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> Definitions.DISTRIBUTION);
    }
}
