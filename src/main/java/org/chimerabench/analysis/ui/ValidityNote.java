package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import org.chimerabench.analysis.Validity;
import org.chimerabench.base.Numbers;

/**
 * Whether the sweep measured what it claims (§4.2), under the verdict: why it is invalid, each reason on its own
 * line; the disturbed calls; the model loads left out of the figures and their median time.
 */
class ValidityNote extends Composite<Div> {

    ValidityNote(Validity validity) {
        Div root = getContent();
        root.addClassName("validity");
        if (!validity.valid()) {
            root.addClassName("invalid");
            if (validity.problems().size() > 1) { // the banner says the first; all of them here
                root.add(new Paragraph("Why the measurement is invalid:"), list(validity.problems()));
            }
            root.add(new Paragraph("The figures below are for diagnosis, not a verdict. Run the sweep again: each"
                    + " arm now runs on the runner its own options load."));
        } else {
            root.add(new Paragraph(validity.summary()));
        }
        if (!validity.disturbed().isEmpty()) {
            root.add(new Paragraph("Disturbed calls (left out; their trials ran again):"), list(validity.disturbed()));
        }
        if (validity.loads() > 0) {
            root.add(new Paragraph(validity.loads() + (validity.loads() == 1 ? " call or batch" : " calls or batches")
                    + " paid a model load and " + (validity.loads() == 1 ? "is" : "are")
                    + " left out of throughput and first-token figures"
                    + (validity.medianLoadMs() == null ? "." : " (median load " + Numbers.plain(
                    Math.round(validity.medianLoadMs())) + " ms).")));
        }
    }

    private static UnorderedList list(List<String> lines) {
        UnorderedList list = new UnorderedList();
        lines.stream().limit(20).forEach(line -> list.add(new ListItem(line)));
        if (lines.size() > 20) {
            list.add(new ListItem("… and " + (lines.size() - 20) + " more"));
        }
        return list;
    }
}
