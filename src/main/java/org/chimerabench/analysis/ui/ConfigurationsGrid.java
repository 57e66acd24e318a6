package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.data.provider.ListDataProvider;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.base.ui.ScrollCue;

/**
 * Every configuration with its measures: sortable, filterable by axis values, lazy (rows are rendered as they
 * scroll into view, never one component per configuration). A click opens the calls behind a row.
 */
class ConfigurationsGrid extends Composite<Div> {

    final Grid<ConfigurationResult> grid = new Grid<>();
    final Map<String, MultiSelectComboBox<String>> filters = new LinkedHashMap<>();
    private final ListDataProvider<ConfigurationResult> rows;

    ConfigurationsGrid(Map<String, List<Object>> axes, List<ConfigurationResult> results,
                       Consumer<ConfigurationResult> open) {
        rows = new ListDataProvider<>(results);
        Div filterBar = new Div();
        filterBar.addClassName("filter-bar");
        axes.forEach((option, values) -> {
            MultiSelectComboBox<String> filter = new MultiSelectComboBox<>(option);
            filter.setItems(values.stream().map(OptionsJson::format).toList());
            filter.setPlaceholder("all");
            filter.addValueChangeListener(event -> applyFilters());
            filter.addClassName("axis-filter");
            filters.put(option, filter);
            filterBar.add(filter);
        });
        axes.keySet().forEach(option -> grid.addColumn(r -> OptionsJson.format(r.options().get(option)))
                .setHeader(option).setWidth("6.5rem").setFlexGrow(0).setSortable(true)
                .setComparator(Comparator.comparingDouble(r -> numeric(r.options().get(option)))));
        number("Baseline (tok/s)", r -> r.throughput().baselineTokPerSec(), 1, Definitions.THROUGHPUT);
        number("Chimera (tok/s)", r -> r.throughput().chimeraTokPerSec(), 1, Definitions.THROUGHPUT);
        signed("Δ (%)", r -> r.throughput().deltaPct(), 2, Definitions.THROUGHPUT_DELTA);
        number("Baseline TTFT (ms)", r -> r.ttft().baselineTtftMs(), 0, Definitions.TTFT);
        number("Chimera TTFT (ms)", r -> r.ttft().chimeraTtftMs(), 0, Definitions.TTFT);
        signed("TTFT reduction (%)", r -> r.ttft().ttftReductionPct(), 1, Definitions.TTFT_REDUCTION);
        number("CV baseline (%)", r -> r.throughput().baselineCvPct(), 1, Definitions.CV);
        number("CV chimera (%)", r -> r.throughput().chimeraCvPct(), 1, Definitions.CV);
        grid.addColumn(r -> r.trials().baselineTrials() + "/" + r.trials().chimeraTrials()).setHeader("Trials B/C").setWidth("5.5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> "Non-warm-up trials with a successful call, baseline/chimera");
        grid.addColumn(ConfigurationResult::claim).setHeader("Significance").setAutoWidth(true).setFlexGrow(1)
                .setTooltipGenerator(r -> Definitions.SIGNIFICANCE);
        if (results.stream().anyMatch(r -> r.race() != null)) {
            grid.addColumn(r -> r.race() == null ? "" : r.race().describe()).setHeader("Race").setAutoWidth(true).setFlexGrow(0)
                    .setTooltipGenerator(r -> Definitions.RACE_STOP).setClassNameGenerator(r -> "race-stop");
        }
        grid.addClassName("configurations-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setItems(rows);
        grid.setHeight("28rem");
        grid.addItemClickListener(event -> open.accept(event.getItem()));
        getContent().addClassName("configurations");
        getContent().add(filterBar, ScrollCue.wrap(grid));
    }

    private void number(String header, Function<ConfigurationResult, Double> value, int decimals, String help) {
        grid.addColumn(r -> Numbers.number(value.apply(r), decimals)).setHeader(header).setAutoWidth(true)
                .setFlexGrow(1).setTextAlign(ColumnTextAlign.END)
                .setTooltipGenerator(r -> value.apply(r) == null ? NOT_COMPUTED : help)
                .setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())));
    }

    /** Why a cell shows "—": the statistic cannot be computed from these trials. */
    static final String NOT_COMPUTED = "— = not computed: it needs at least 2 trials per arm with a successful call"
            + " (or, for TTFT, a measured first token).";

    private void signed(String header, Function<ConfigurationResult, Double> value, int decimals, String help) {
        grid.addColumn(r -> Numbers.signed(value.apply(r), decimals)).setHeader(header).setAutoWidth(true).setFlexGrow(1)
                .setTextAlign(ColumnTextAlign.END).setTooltipGenerator(r -> help)
                .setComparator(Comparator.comparing(value, Comparator.nullsFirst(Comparator.naturalOrder())))
                .setPartNameGenerator(r -> value.apply(r) == null ? null : value.apply(r) > 0 ? "good" : "bad");
    }

    private void applyFilters() {
        rows.setFilter(r -> filters.entrySet().stream().allMatch(filter -> {
            Set<String> wanted = filter.getValue().getValue();
            return wanted.isEmpty() || wanted.contains(OptionsJson.format(r.options().get(filter.getKey())));
        }));
    }

    private static double numeric(Object value) {
        return value instanceof Number number ? number.doubleValue() : Double.NaN;
    }
}
