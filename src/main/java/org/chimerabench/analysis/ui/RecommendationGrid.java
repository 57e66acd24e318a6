package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import org.chimerabench.analysis.Recommendation;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;

/**
 * The recommendation matrix as cards that wrap on any width: use case, configuration, expected Δ and TTFT
 * change, what may be claimed about it (significance or "single trial"), and the rule in plain words.
 */
class RecommendationGrid extends Composite<Div> {

    RecommendationGrid(List<Recommendation> recommendations) {
        getContent().addClassName("recommendation-grid");
        recommendations.forEach(r -> getContent().add(card(r)));
    }

    private static Div card(Recommendation r) {
        Span useCase = new Span(r.useCase().label());
        useCase.addClassName("recommendation-use-case");
        Span configuration = new Span(r.options() == null ? r.note() : OptionsJson.describeOrNone(r.options()));
        configuration.addClassName(r.options() == null ? "muted" : "recommendation-configuration");
        Div card = new Div(useCase, configuration);
        if (r.options() != null) {
            Span figures = new Span("Throughput Δ " + Numbers.signedPct(r.deltaPct(), 2) + " · TTFT reduction "
                    + Numbers.signedPct(r.ttftReductionPct(), 1) + (r.note() == null ? "" : " · " + r.note()));
            figures.addClassName("recommendation-figures");
            Span claim = new Span(r.significance());
            claim.addClassName("recommendation-significance");
            card.add(figures, claim);
        }
        Span rule = new Span(r.rule());
        rule.addClassName("recommendation-rule");
        card.add(rule);
        card.addClassName("recommendation-card");
        return card;
    }
}
