package org.chimerabench.watch.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;
import java.util.function.LongConsumer;
import org.chimerabench.watch.WatchRequest;
import org.chimerabench.watch.WatchService;
import org.chimerabench.watch.WatchValidationException;

/** Watch a finished sweep's configuration (or a tuning's answer): a wrong field is said at the field. */
class WatchForm extends FormLayout {

    final IntegerField sweep = new IntegerField("Sweep");
    final IntegerField configuration = new IntegerField("Configuration");
    final IntegerField tuning = new IntegerField("Or a tuning");
    final TextField cron = new TextField("Schedule (cron)");
    final IntegerField repetitions = new IntegerField("Repetitions per check");
    final NumberField margin = new NumberField("Margin (%)");
    final Button watch = new Button("Watch");

    WatchForm(WatchService watches, LongConsumer created) {
        addClassName("watch-form");
        sweep.setHelperText("A finished sweep's number (its page's address)");
        configuration.setHelperText("The configuration's id (the results page lists them)");
        tuning.setHelperText("Instead: a finished tuning's number; its answer is watched");
        cron.setValue("0 3 * * *");
        cron.setHelperText("minute hour day month weekday; \"0 3 * * *\" = daily at 03:00");
        repetitions.setValue(10);
        repetitions.setHelperText("Of each arm: the watched options and Ollama's defaults");
        margin.setValue(3.0);
        margin.setHelperText("Changes within ± this are \"unchanged\"");
        watch.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        watch.addClickListener(e -> {
            clearErrors();
            try {
                created.accept(watches.create(new WatchRequest(number(sweep), number(configuration), number(tuning),
                        cron.getValue(), repetitions.getValue(), margin.getValue())));
            } catch (WatchValidationException invalid) {
                show(invalid.fieldErrors());
            }
        });
        add(new H3("Watch a setting"), sweep, configuration, tuning, cron, repetitions, margin, watch);
        setColspan(getChildren().findFirst().orElseThrow(), 2);
    }

    void prefill(String sweepId, String configurationId, String tuningId) {
        set(sweep, sweepId);
        set(configuration, configurationId);
        set(tuning, tuningId);
    }

    private void show(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "sweepId" -> error(sweep, message);
                case "configurationId" -> error(configuration, message);
                case "tuningId" -> error(tuning, message);
                case "cron" -> { cron.setInvalid(true); cron.setErrorMessage(message); }
                case "repetitions" -> error(repetitions, message);
                case "marginPct" -> { margin.setInvalid(true); margin.setErrorMessage(message); }
                default -> error(sweep, message);
            }
        });
    }

    private void clearErrors() {
        for (var field : new com.vaadin.flow.component.HasValidation[] {sweep, configuration, tuning, cron, repetitions,
                margin}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    private static void error(IntegerField field, String message) {
        field.setInvalid(true);
        field.setErrorMessage(message);
    }

    private static Long number(IntegerField field) {
        return field.getValue() == null ? null : field.getValue().longValue();
    }

    private static void set(IntegerField field, String value) {
        if (value != null && value.matches("\\d{1,9}")) {
            field.setValue(Integer.parseInt(value));
        }
    }
}
