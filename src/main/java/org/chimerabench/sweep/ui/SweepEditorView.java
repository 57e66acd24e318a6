package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointStatus;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepValidationException;

/** Defines a sweep: endpoint, model, workload, axes, repetitions; a live preview of the calls; create or start. */
@Route("sweeps/new")
@PageTitle("New sweep · Chimera Bench")
@Menu(order = 5, icon = "vaadin:plus-circle-o", title = "New sweep")
class SweepEditorView extends VerticalLayout {

    static final String REPORT_PROMPT = "Write a technical report of 800 to 1000 words on benchmarking local LLM"
            + " inference: method, results, and recommendations for GPU offload and context size.";

    private final SweepService sweeps;
    private final ExecutionService execution;
    final TextField name = new TextField("Name");
    final MultiSelectComboBox<EndpointView> endpoint = new MultiSelectComboBox<>("Endpoints");
    final ComboBox<String> model = new ComboBox<>("Model");
    final RadioButtonGroup<String> workload = new RadioButtonGroup<>("Workload");
    final TextArea prompt = new TextArea("Prompt");
    final IntegerField repetitions = new IntegerField("Repetitions per arm");
    final IntegerField warmups = new IntegerField("Warm-up trials");
    final IntegerField maxTokens = new IntegerField("Max generated tokens");
    final Checkbox coldStart = new Checkbox("Cold start per configuration");
    final Checkbox confirmLarge = new Checkbox("I know this sweep is large");
    final Div axes = new Div();
    final Span preview = new Span();
    final Paragraph errors = new Paragraph();

    SweepEditorView(SweepService sweeps, ExecutionService execution, EndpointService endpoints) {
        this.sweeps = sweeps;
        this.execution = execution;
        addClassName("sweep-editor");
        setMaxWidth("64rem");
        name.setValue("GPU offload sweep");
        endpoint.setItemLabelGenerator(e -> e.name() + (e.simulated() ? " (simulated)" : ""));
        endpoint.setItems(endpoints.list());
        endpoint.setHelperText("Several = a fleet: configurations are split across them and run in parallel");
        endpoint.addValueChangeListener(e -> {
            List<String> names = commonModels(e.getValue());
            model.setItems(names);
            if (!names.isEmpty() && !names.contains(model.getValue())) {
                model.setValue(names.get(0));
            }
        });
        endpoints.list().stream().filter(EndpointView::simulated).findFirst().ifPresent(e -> endpoint.setValue(e));
        model.setAllowCustomValue(true);
        model.addCustomValueSetListener(e -> model.setValue(e.getDetail()));
        workload.setItems("SINGLE_PROMPT", "AGENT_WORKFLOW");
        workload.setItemLabelGenerator(w -> w.equals("SINGLE_PROMPT") ? "Single prompt"
                : "Agent workflow (analysis call, then report call)");
        workload.setValue("SINGLE_PROMPT");
        workload.addValueChangeListener(e -> {
            prompt.setLabel(e.getValue().equals("SINGLE_PROMPT") ? "Prompt" : "Data summary for the analysis call");
            updatePreview();
        });
        prompt.setValue(REPORT_PROMPT);
        prompt.setWidthFull();
        repetitions.setValue(2);
        repetitions.setStepButtonsVisible(true);
        warmups.setValue(1);
        warmups.setStepButtonsVisible(true);
        maxTokens.setValue(64);
        maxTokens.setHelperText("Sent as num_predict to both arms");
        for (IntegerField field : List.of(repetitions, warmups, maxTokens)) {
            field.addValueChangeListener(e -> updatePreview());
        }
        addAxis(OllamaOption.NUM_GPU, "14, 28");
        addAxis(OllamaOption.NUM_CTX, "2048, 4096");
        Button addAxis = new Button("Add axis", VaadinIcon.PLUS.create(), e -> addAxis(OllamaOption.TEMPERATURE, "0.6, 0.8"));
        FormLayout form = new FormLayout(name, endpoint, model, workload, prompt, repetitions, warmups, maxTokens,
                coldStart);
        form.setColspan(prompt, 2);
        form.setColspan(workload, 2);
        Button create = new Button("Create", e -> save(false));
        Button start = new Button("Create and start", VaadinIcon.PLAY.create(), e -> save(true));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("create-and-start");
        preview.addClassName("call-preview");
        errors.addClassName("editor-errors");
        errors.setVisible(false);
        add(new ViewToolbar("New sweep"), form, new H3("Axes"), axes, addAxis, preview, confirmLarge, errors,
                new HorizontalLayout(create, start));
        updatePreview();
    }

    /** The models installed on every chosen endpoint (a fleet must run the same model everywhere). */
    private static List<String> commonModels(java.util.Set<EndpointView> chosen) {
        List<String> common = null;
        for (EndpointView e : chosen) {
            List<String> names = e.models().stream().map(EndpointStatus.InstalledModel::name).toList();
            common = common == null ? new ArrayList<>(names) : new ArrayList<>(common.stream()
                    .filter(names::contains).toList());
        }
        return common == null ? List.of() : common;
    }

    private void addAxis(OllamaOption option, String values) {
        axes.add(new AxisRow(option, values, this::updatePreview, row -> {
            axes.remove(row);
            updatePreview();
        }));
        updatePreview();
    }

    private List<AxisRow> rows() {
        return axes.getChildren().filter(AxisRow.class::isInstance).map(AxisRow.class::cast).toList();
    }

    void updatePreview() {
        long configurations = 1;
        for (AxisRow row : rows()) {
            configurations *= Math.max(0, row.count());
        }
        int reps = repetitions.getValue() == null ? 0 : repetitions.getValue();
        int warm = warmups.getValue() == null ? 0 : warmups.getValue();
        int perTrial = "AGENT_WORKFLOW".equals(workload.getValue()) ? 2 : 1;
        long calls = configurations * 2 * (reps + warm) * perTrial;
        preview.setText(configurations + " configurations × 2 arms × (" + reps + " repetitions + " + warm
                + " warm-ups) × " + perTrial + (perTrial == 1 ? " call" : " calls") + " = " + calls + " calls");
    }

    SweepDefinition definition() {
        Map<String, Object> axisValues = new LinkedHashMap<>();
        for (AxisRow row : rows()) {
            if (row.option.getValue() != null) {
                axisValues.put(row.option.getValue().key(), row.parsed());
            }
        }
        boolean single = "SINGLE_PROMPT".equals(workload.getValue());
        return new SweepDefinition(name.getValue(), null,
                endpoint.getValue().stream().map(EndpointView::name).sorted().toList(), model.getValue(),
                new SweepDefinition.Workload(workload.getValue(), single ? prompt.getValue() : null,
                        single ? null : prompt.getValue()),
                axisValues, null, null, repetitions.getValue(), warmups.getValue(), coldStart.getValue(), null, null,
                false, maxTokens.getValue(), null, confirmLarge.getValue());
    }

    private void save(boolean andStart) {
        clearErrors();
        try {
            long id = sweeps.create(definition());
            if (andStart) {
                execution.start(id);
            }
            getUI().ifPresent(ui -> ui.navigate("sweeps/" + id));
        } catch (SweepValidationException invalid) {
            showErrors(invalid.fieldErrors());
        }
    }

    private void clearErrors() {
        for (var field : List.of(name, prompt)) {
            field.setInvalid(false);
        }
        model.setInvalid(false);
        for (var field : List.of(repetitions, warmups, maxTokens)) {
            field.setInvalid(false);
        }
        rows().forEach(r -> r.values.setInvalid(false));
        errors.setVisible(false);
    }

    private void showErrors(Map<String, String> fieldErrors) {
        mark(name, fieldErrors.get("name"));
        mark(prompt, fieldErrors.get("workload.prompt"));
        if (fieldErrors.containsKey("model")) {
            model.setInvalid(true);
            model.setErrorMessage(fieldErrors.get("model"));
        }
        markNumber(repetitions, fieldErrors.get("repetitions"));
        markNumber(warmups, fieldErrors.get("warmups"));
        markNumber(maxTokens, fieldErrors.get("maxTokens"));
        for (AxisRow row : rows()) {
            if (row.option.getValue() != null) {
                String error = fieldErrors.get("axes." + row.option.getValue().key());
                if (error != null) {
                    row.values.setInvalid(true);
                    row.values.setErrorMessage(error);
                }
            }
        }
        errors.setText("Nothing was saved. " + String.join(" ", new ArrayList<>(fieldErrors.values())));
        errors.setVisible(true);
    }

    private static void mark(com.vaadin.flow.component.textfield.TextFieldBase<?, String> field, String error) {
        if (error != null) {
            field.setInvalid(true);
            field.setErrorMessage(error);
        }
    }

    private static void markNumber(IntegerField field, String error) {
        if (error != null) {
            field.setInvalid(true);
            field.setErrorMessage(error);
        }
    }
}
