package org.chimerabench.analysis.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.NumberField;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepValidationException;

/** Changes a sweep's equivalence margin; the page redraws its verdict afterwards. */
class MarginDialog extends Dialog {

    final NumberField margin = new NumberField("Equivalence margin (%)");

    MarginDialog(SweepService sweeps, long sweepId, double current, Runnable changed) {
        setHeaderTitle("Equivalence margin");
        margin.setValue(current);
        margin.setMin(0.01);
        margin.setMax(Sweep.MAX_EQUIVALENCE_MARGIN_PCT);
        margin.setStep(0.1);
        margin.setStepButtonsVisible(true);
        margin.setWidthFull();
        margin.addClassName("margin-field");
        Paragraph help = new Paragraph("A mean effect whose 90 % CI lies inside ± this margin counts as \"no"
                + " practical difference\". Pick what matters to you before looking at the result: 1 % is the"
                + " default. It changes the verdict only, never the stored calls.");
        help.addClassName("dialog-help");
        Button save = new Button("Save", e -> {
            try {
                if (margin.getValue() == null) {
                    throw new SweepValidationException(java.util.Map.of("equivalenceMarginPct",
                            "Enter the margin as a number of %"));
                }
                sweeps.setEquivalenceMargin(sweepId, margin.getValue());
                close();
                changed.run();
            } catch (SweepValidationException invalid) {
                margin.setInvalid(true);
                margin.setErrorMessage(invalid.fieldErrors().get("equivalenceMarginPct"));
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClassName("save-margin");
        add(help, margin);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }
}
