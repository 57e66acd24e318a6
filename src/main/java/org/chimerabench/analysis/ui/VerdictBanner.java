package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import org.chimerabench.analysis.Definitions;
import org.chimerabench.analysis.Outcome;
import org.chimerabench.analysis.Verdict;
import org.chimerabench.base.ui.SharedComponent;

/**
 * The verdict first: one sentence, a badge per metric coloured by its outcome (never by the sign alone), the rule
 * on the info icon. Greyed with "Provisional" while not every configuration has a trial in both arms. An invalid
 * measurement shows why, with no badges: there is no number to colour.
 */
@SharedComponent
public class VerdictBanner extends Composite<Div> {

    private final Paragraph sentence = new Paragraph();

    public VerdictBanner(Verdict verdict, boolean provisional) {
        Div root = getContent();
        root.addClassName("verdict-banner");
        sentence.addClassName("verdict-sentence");
        sentence.setText((provisional ? "Provisional — " : "") + verdict.sentence());
        if (verdict.overall() == Outcome.INVALID) { // the reason, not a number
            root.addClassName(toneClass(Outcome.INVALID));
            root.add(sentence);
            return;
        }
        if (verdict.best() != null) { // the configurations differ widely: their best first, the pooled verdict next
            Paragraph best = new Paragraph(verdict.best().sentence() + ".");
            best.addClassName("verdict-best");
            best.getStyle().set("font-weight", "600").set("margin", "0 0 var(--lumo-space-xs)");
            root.add(best);
        }
        VerdictBadges badges = new VerdictBadges(verdict, provisional);
        var info = VaadinIcon.INFO_CIRCLE_O.create();
        info.addClassName("help-icon");
        info.setTooltipText(Definitions.VERDICT_RULE + (provisional ? " " + Definitions.PROVISIONAL : ""));
        badges.getContent().add(info);
        root.addClassName(provisional ? "verdict-provisional" : toneClass(verdict.overall()));
        root.add(sentence, badges);
    }

    /** The sentence as shown (with "Provisional — " while provisional). */
    public String sentence() {
        return sentence.getText();
    }

    /** CSS class of an outcome: green better, red worse, neutral otherwise. */
    static String toneClass(Outcome outcome) {
        return switch (outcome) {
            case BETTER -> "verdict-better";
            case WORSE -> "verdict-worse";
            case EQUIVALENT, INCONCLUSIVE -> "verdict-neutral";
            case INVALID -> "verdict-invalid";
        };
    }
}
