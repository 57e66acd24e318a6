package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.function.Consumer;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;

/** A short ranked list of configurations (top-5 by throughput Δ or by TTFT reduction); a click opens its calls. */
class ConfigurationRanking extends Grid<ConfigurationResult> {

    ConfigurationRanking(String cssClass, List<ConfigurationResult> ranked, Consumer<ConfigurationResult> open) {
        addClassNames("ranking-grid", cssClass);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        addColumn(r -> ranked.indexOf(r) + 1).setHeader("#").setWidth("3rem").setFlexGrow(0);
        addColumn(r -> OptionsJson.describeOrNone(r.options())).setHeader("Configuration").setFlexGrow(1)
                .setTooltipGenerator(r -> "Click to see the calls behind this configuration");
        addColumn(r -> Numbers.number(r.throughput().baselineTokPerSec(), 2)).setHeader("Baseline tok/s").setWidth("8rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.THROUGHPUT);
        addColumn(r -> Numbers.number(r.throughput().chimeraTokPerSec(), 2)).setHeader("Chimera tok/s").setWidth("8rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.THROUGHPUT);
        addColumn(r -> Numbers.signedPct(r.throughput().deltaPct())).setHeader("Δ").setWidth("6.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.THROUGHPUT_DELTA);
        addColumn(r -> Numbers.signedPct(r.ttft().ttftReductionPct())).setHeader("TTFT red.").setWidth("7rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> Definitions.TTFT_REDUCTION);
        setItems(ranked);
        setAllRowsVisible(true);
        addItemClickListener(event -> open.accept(event.getItem()));
    }
}
