package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.execution.CallRow;

/** The raw calls behind one configuration's figures: trial by trial, arm by arm. */
class ConfigurationDetailDialog extends Dialog {

    ConfigurationDetailDialog(ConfigurationResult result, List<CallRow> calls) {
        setHeaderTitle(OptionsJson.describeOrNone(result.options()));
        addClassName("configuration-detail");
        setWidth("min(72rem, 95vw)");
        setResizable(true);
        Paragraph summary = new Paragraph(String.format(Locale.ROOT,
                "Baseline %s tok/s, chimera %s tok/s → Δ %s · TTFT reduction %s · %d call(s) · %s",
                Numbers.number(result.throughput().baselineTokPerSec(), 1), Numbers.number(result.throughput().chimeraTokPerSec(), 1),
                Numbers.signedPct(result.throughput().deltaPct()), Numbers.signedPct(result.ttft().ttftReductionPct(), 1), calls.size(), result.claim()));
        summary.addClassName("panel-help");
        Grid<CallRow> grid = new Grid<>();
        grid.addClassName("calls-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(c -> c.arm().label()).setHeader("Arm").setAutoWidth(true);
        grid.addColumn(c -> (c.warmup() ? "warm-up " : "") + c.repetition()).setHeader("Trial").setAutoWidth(true);
        grid.addColumn(c -> c.stage() == null ? Numbers.NONE : c.stage().label()).setHeader("Stage")
                .setAutoWidth(true);
        grid.addColumn(c -> c.status().label()).setHeader("Status").setAutoWidth(true)
                .setTooltipGenerator(c -> c.error() == null ? "" : c.error());
        number(grid, "tok/s", CallRow::decodeTokPerSec, 2);
        number(grid, "TTFT ms", CallRow::ttftMs, 1);
        grid.addColumn(c -> c.evalCount() == null ? Numbers.NONE : c.evalCount().toString()).setHeader("Tokens")
                .setAutoWidth(true).setTextAlign(ColumnTextAlign.END);
        number(grid, "Load ms", CallRow::loadMs, 1);
        number(grid, "Prompt eval ms", CallRow::promptEvalMs, 1);
        number(grid, "Eval ms", CallRow::evalMs, 1);
        number(grid, "Total ms", CallRow::totalMs, 1);
        grid.setItems(calls);
        grid.setAllRowsVisible(calls.size() <= 12);
        if (calls.size() > 12) {
            grid.setHeight("24rem");
        }
        add(summary, grid);
        getFooter().add(new Button("Close", event -> close()));
    }

    private static void number(Grid<CallRow> grid, String header, Function<CallRow, Double> value, int decimals) {
        grid.addColumn(c -> Numbers.number(value.apply(c), decimals)).setHeader(header).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END);
    }
}
