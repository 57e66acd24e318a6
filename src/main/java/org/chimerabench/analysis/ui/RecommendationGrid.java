package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Locale;
import org.chimerabench.analysis.Recommendation;
import org.chimerabench.analysis.UseCase;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;

/** The recommendation matrix: use case, configuration, expected Δ, TTFT change and the rule in plain words. */
class RecommendationGrid extends Grid<Recommendation> {

    RecommendationGrid(List<Recommendation> recommendations) {
        addClassName("recommendation-grid");
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_NO_BORDER);
        addColumn(r -> useCase(r.useCase())).setHeader("Use case").setWidth("10rem").setFlexGrow(0);
        addComponentColumn(RecommendationGrid::configuration).setHeader("Configuration").setWidth("16rem")
                .setFlexGrow(1);
        addColumn(r -> Numbers.signedPct(r.deltaPct())).setHeader("Expected Δ").setWidth("7.5rem").setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        addColumn(r -> Numbers.signedPct(r.ttftReductionPct())).setHeader("TTFT reduction").setWidth("8.5rem")
                .setFlexGrow(0).setTextAlign(ColumnTextAlign.END);
        addColumn(Recommendation::rule).setHeader("Rule").setFlexGrow(2);
        setItems(recommendations);
        setAllRowsVisible(true);
    }

    static String useCase(UseCase useCase) {
        String words = useCase.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static Span configuration(Recommendation r) {
        Span text = new Span(r.options() == null ? r.note() : OptionsJson.describeOrNone(r.options()));
        if (r.options() == null) {
            text.addClassName("muted");
        }
        return text;
    }
}
