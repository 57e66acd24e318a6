package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;

/**
 * A short ranked list of configurations (top 5 by throughput Δ or by TTFT reduction) that wraps on any width:
 * each row names the configuration, its figures with units and what may be claimed about it; a click opens
 * its calls.
 */
class ConfigurationRanking extends Composite<OrderedList> {

    ConfigurationRanking(String cssClass, List<ConfigurationResult> ranked, Consumer<ConfigurationResult> open) {
        getContent().addClassNames("ranking-list", cssClass);
        ranked.forEach(r -> {
            Span name = new Span(OptionsJson.describeOrNone(r.options()));
            name.addClassName("ranking-configuration");
            Span figures = new Span("Δ " + Numbers.signedPct(r.throughput().deltaPct(), 2) + " ("
                    + Numbers.number(r.throughput().baselineTokPerSec(), 1) + " → "
                    + Numbers.number(r.throughput().chimeraTokPerSec(), 1) + " tok/s) · TTFT reduction "
                    + Numbers.signedPct(r.ttft().ttftReductionPct(), 1));
            figures.addClassName("ranking-figures");
            figures.setTitle(Definitions.THROUGHPUT_DELTA + " " + Definitions.TTFT_REDUCTION);
            Span claim = new Span(r.claim());
            claim.addClassName("ranking-significance");
            ListItem item = new ListItem(new Div(name, figures, claim));
            item.addClassName("ranking-row");
            item.getElement().setAttribute("title", "Click to see the calls behind this configuration");
            item.addClickListener(e -> open.accept(r));
            getContent().add(item);
        });
    }
}
