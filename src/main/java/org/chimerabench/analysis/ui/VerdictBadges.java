package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.Locale;
import org.chimerabench.analysis.MetricVerdict;
import org.chimerabench.analysis.Verdict;
import org.chimerabench.base.ui.SharedComponent;

/**
 * The verdict in two badges, "Throughput: no practical difference" and "First token: better", each coloured by its
 * outcome (green better, red worse, neutral otherwise) and grey while provisional; for lists and cards.
 */
@SharedComponent
public class VerdictBadges extends Composite<Div> {

    public VerdictBadges(Verdict verdict, boolean provisional) {
        getContent().addClassName("verdict-badges");
        getContent().add(badge("Throughput", verdict.throughputDeltaPct(), provisional),
                badge("First token", verdict.ttftReductionPct(), provisional));
        getContent().setTitle((provisional ? "Provisional — " : "") + verdict.sentence());
    }

    private static Span badge(String metric, MetricVerdict verdict, boolean provisional) {
        Span badge = new Span(metric + ": " + (verdict.configurations() == 0 ? "not measured"
                : verdict.outcome().label().toLowerCase(Locale.ROOT)));
        badge.addClassNames("tag", "verdict-badge",
                provisional ? "verdict-provisional" : VerdictBanner.toneClass(verdict.outcome()));
        return badge;
    }
}
