package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import java.math.BigDecimal;
import java.util.Map;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.SweepDefinition;

/**
 * The settings of a race (an adaptive sweep): what is optimised, the repetitions it may use, when a configuration is
 * precise enough, whether losers are dropped, and the confidence — with a sentence saying what a round does.
 */
class RaceSettingsForm extends Composite<Div> {

    static final String EXPLANATION = "Every configuration still racing gets one more paired repetition per round."
            + " From the minimum on, a configuration stops when its confidence interval is narrower than the target"
            + " (precise), when it is worse than the leader at the chosen confidence (eliminated: Welch tests,"
            + " Holm-corrected over the configurations compared), or at the maximum (exhausted).";

    final Select<RaceObjective> objective = new Select<>();
    final IntegerField minRepetitions = RunSettingsForm.number("Minimum repetitions", 2);
    final IntegerField maxRepetitions = RunSettingsForm.number("Maximum repetitions", 10);
    final BigDecimalField target = new BigDecimalField("Target CI half-width (%)");
    final Checkbox eliminate = new Checkbox("Drop configurations that are worse than the leader", true);
    final BigDecimalField confidence = new BigDecimalField("Confidence");

    RaceSettingsForm(Runnable onChange) {
        objective.setLabel("Optimise");
        objective.setItems(RaceObjective.values());
        objective.setItemLabelGenerator(RaceSettingsForm::label);
        objective.setValue(RaceObjective.CHIMERA_DECODE_TOK_PER_SEC);
        objective.addValueChangeListener(e -> target.setHelperText(targetHelp(e.getValue())));
        target.setValue(new BigDecimal("0.5"));
        target.setHelperText(targetHelp(RaceObjective.CHIMERA_DECODE_TOK_PER_SEC));
        confidence.setValue(new BigDecimal("0.95"));
        confidence.setHelperText("Of the intervals and the elimination tests, above 0.5 and below 0.999");
        minRepetitions.setHelperText("Before any configuration is judged; at least 2");
        for (IntegerField field : new IntegerField[] {minRepetitions, maxRepetitions}) {
            field.addValueChangeListener(e -> onChange.run());
        }
        target.addValueChangeListener(e -> onChange.run());
        confidence.addValueChangeListener(e -> onChange.run());
        Paragraph explanation = new Paragraph(EXPLANATION);
        explanation.addClassName("race-explanation");
        FormLayout form = new FormLayout(objective, minRepetitions, maxRepetitions, target, confidence, eliminate);
        form.setColspan(objective, 2); // its choices are sentences
        getContent().add(explanation, form);
        getContent().addClassName("race-settings");
    }

    /** What the user reads in the choice of objective. */
    static String label(RaceObjective objective) {
        return switch (objective) {
            case CHIMERA_DECODE_TOK_PER_SEC -> "Decode speed of the tuned options (tok/s, higher is better)";
            case THROUGHPUT_DELTA_PCT -> "Gain over the baseline (throughput Δ %, higher is better)";
            case TTFT_MS -> "Time to first token of the tuned options (ms, lower is better)";
        };
    }

    private static String targetHelp(RaceObjective objective) {
        return objective != null && !objective.relativeTarget()
                ? "In points of Δ %: ± this around a configuration's mean gain"
                : "As a % of a configuration's mean: 0.5 = ± 0.5 %";
    }

    SweepDefinition.Adaptive adaptive() {
        return new SweepDefinition.Adaptive(objective.getValue() == null ? null : objective.getValue().name(),
                minRepetitions.getValue(), maxRepetitions.getValue(),
                target.getValue() == null ? null : target.getValue().doubleValue(), eliminate.getValue(),
                confidence.getValue() == null ? null : confidence.getValue().doubleValue());
    }

    /** The range the repetitions may take, for the preview (nulls as the server's defaults). */
    int min() {
        return minRepetitions.getValue() == null ? 2 : minRepetitions.getValue();
    }

    int max() {
        return maxRepetitions.getValue() == null ? 10 : maxRepetitions.getValue();
    }

    void fill(SweepDefinition.Adaptive a) {
        RaceObjective.named(a.objective()).ifPresent(objective::setValue);
        if (a.minRepetitions() != null) {
            minRepetitions.setValue(a.minRepetitions());
        }
        if (a.maxRepetitions() != null) {
            maxRepetitions.setValue(a.maxRepetitions());
        }
        if (a.targetCiHalfWidthPct() != null) {
            target.setValue(BigDecimal.valueOf(a.targetCiHalfWidthPct()));
        }
        eliminate.setValue(a.eliminate() == null || a.eliminate());
        if (a.confidence() != null) {
            confidence.setValue(BigDecimal.valueOf(a.confidence()));
        }
    }

    void showErrors(Map<String, String> errors) {
        RunSettingsForm.mark(minRepetitions, errors.get("adaptive.minRepetitions"));
        RunSettingsForm.mark(maxRepetitions, errors.get("adaptive.maxRepetitions"));
        RunSettingsForm.mark(target, errors.get("adaptive.targetCiHalfWidthPct"));
        RunSettingsForm.mark(confidence, errors.get("adaptive.confidence"));
    }

    void clearErrors() {
        minRepetitions.setInvalid(false);
        maxRepetitions.setInvalid(false);
        target.setInvalid(false);
        confidence.setInvalid(false);
    }
}
