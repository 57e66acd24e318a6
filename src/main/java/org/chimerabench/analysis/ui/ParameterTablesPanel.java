package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.ParameterRow;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.ScrollCue;

/** One table per axis: how the configurations with each value fared. */
class ParameterTablesPanel extends Composite<Div> {

    ParameterTablesPanel(Map<String, List<ParameterRow>> tables) {
        getContent().addClassName("parameter-tables");
        tables.forEach((option, rows) -> {
            H3 title = new H3(option);
            title.addClassName("table-title");
            Div table = new Div(title, ScrollCue.wrap(grid(option, rows)));
            table.addClassName("parameter-table");
            getContent().add(table);
        });
    }

    private static Grid<ParameterRow> grid(String option, List<ParameterRow> rows) {
        Grid<ParameterRow> grid = new Grid<>();
        grid.addClassNames("parameter-grid", "parameter-grid-" + option);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        grid.addColumn(ParameterRow::value).setHeader("Value").setWidth("5rem").setFlexGrow(0);
        grid.addColumn(ParameterRow::configurations).setHeader("Configurations").setWidth("8rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(ParameterRow::improved).setHeader("Improved").setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.SUCCESS_RATE);
        grid.addColumn(r -> Numbers.number(r.positiveRatePct(), 0)).setHeader("Positive rate (%)").setWidth("9rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.POSITIVE_RATE);
        grid.addColumn(r -> Numbers.signed(r.meanDeltaPct(), 2)).setHeader("Mean Δ (%)").setWidth("7.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.THROUGHPUT_DELTA);
        grid.addColumn(r -> OptionsJson.describeOrNone(r.best().options()) + " (" + Numbers.signedPct(r.best().deltaPct(), 2)
                        + ")").setHeader("Best configuration (Δ)").setFlexGrow(1).setAutoWidth(false)
                .setTooltipGenerator(r -> Definitions.BEST_CONFIGURATION);
        grid.setItems(rows);
        grid.setAllRowsVisible(true);
        return grid;
    }
}
