package org.chimerabench.tune.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointUnavailableException;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.tune.TuningObjective;
import org.chimerabench.tune.TuningRequest;
import org.chimerabench.tune.TuningService;
import org.chimerabench.tune.TuningValidationException;

/** What to tune: endpoint, model, objective, budget and constraints; every wrong field says why, nothing is stored. */
class TuneForm extends FormLayout {

    final ComboBox<String> endpoint = new ComboBox<>("Endpoint");
    final ComboBox<String> model = new ComboBox<>("Model");
    final Select<TuningObjective> objective = new Select<>();
    final NumberField slo = new NumberField("TTFT target, p95 (ms)");
    final IntegerField budget = new IntegerField("Budget (calls)");
    final IntegerField minContext = new IntegerField("Minimum context (tokens)");
    final NumberField maxVramPct = new NumberField("Largest share of the model in GPU memory (%)");
    final Button start = new Button("Start tuning");
    final Paragraph error = new Paragraph();

    private final TuningService tunings;
    private final EndpointService endpoints;

    TuneForm(TuningService tunings, EndpointService endpoints, boolean operator) {
        this.tunings = tunings;
        this.endpoints = endpoints;
        addClassName("tune-form");
        endpoint.setItems(endpoints.list().stream().map(EndpointView::name).toList());
        endpoint.addValueChangeListener(e -> models(e.getValue()));
        objective.setLabel("Objective");
        objective.setItems(TuningObjective.values());
        objective.setItemLabelGenerator(o -> capitalised(o.label()));
        objective.setValue(TuningObjective.THROUGHPUT);
        objective.addValueChangeListener(e -> slo.setVisible(e.getValue() == TuningObjective.GOODPUT));
        slo.setVisible(false);
        budget.setValue(600);
        budget.setHelperText("Generate calls, 50–100,000; the confirmation keeps 20 of them");
        minContext.setHelperText("Optional: the answer offers at least this context");
        maxVramPct.setHelperText("Optional: leave the rest of the card to other work");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("start-tuning");
        start.addClickListener(e -> start());
        start.setVisible(operator); // courtesy: TuningService.create checks the role
        error.addClassName("tune-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(endpoint, model, objective, slo, budget, minContext, maxVramPct, start, error);
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("40rem", 2));
    }

    void preselect(String endpointName, String modelName) {
        if (endpointName != null) {
            endpoint.setValue(endpointName);
        }
        if (modelName != null) {
            model.setValue(modelName);
        }
    }

    private void models(String endpointName) {
        List<String> installed = List.of();
        if (endpointName != null) {
            try {
                installed = endpoints.findByName(endpointName).map(endpoints::installedModels).orElse(List.of());
            } catch (EndpointUnavailableException down) {
                endpoint.setErrorMessage(down.getMessage());
                endpoint.setInvalid(true);
            }
        }
        model.setItems(installed);
    }

    private void start() {
        List.of(endpoint, model).forEach(f -> f.setInvalid(false));
        List.of(slo, maxVramPct).forEach(f -> f.setInvalid(false));
        List.of(budget, minContext).forEach(f -> f.setInvalid(false));
        objective.setInvalid(false);
        error.setText("");
        TuningObjective chosen = objective.getValue();
        TuningRequest request = new TuningRequest(endpoint.getValue(), model.getValue(),
                chosen == null ? null : chosen.wireName(),
                chosen == TuningObjective.GOODPUT ? new TuningRequest.Slo(slo.getValue()) : null,
                new TuningRequest.Budget(budget.getValue(), null),
                minContext.getValue() == null && maxVramPct.getValue() == null ? null
                        : new TuningRequest.Constraints(minContext.getValue(), maxVramPct.getValue()));
        try {
            long id = tunings.create(request);
            UI.getCurrent().navigate(TuningView.class, id);
        } catch (TuningValidationException invalid) {
            show(invalid.fieldErrors());
        }
    }

    private void show(Map<String, String> errors) {
        errors.forEach((field, message) -> {
            switch (field) {
                case "endpoint" -> invalid(endpoint, message);
                case "model" -> invalid(model, message);
                case "objective" -> {
                    objective.setErrorMessage(message);
                    objective.setInvalid(true);
                }
                case "slo" -> invalid(slo, message);
                case "budget" -> invalid(budget, message);
                case "constraints.minContext" -> invalid(minContext, message);
                case "constraints.maxVramPct" -> invalid(maxVramPct, message);
                default -> error.setText(message);
            }
        });
    }

    private static void invalid(com.vaadin.flow.component.HasValidation field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private static String capitalised(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
