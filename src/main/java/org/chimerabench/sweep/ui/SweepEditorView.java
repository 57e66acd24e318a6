package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.ui.ViewToolbar;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.sweep.Load;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.StoredCalls;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepValidationException;
import org.chimerabench.sweep.WorkloadType;

/**
 * Defines a sweep: endpoint(s), model, workload (with prompt presets), axes, run settings; a live preview of the
 * calls and their ETA; create or create-and-start. {@code ?from=<id>} starts from a copy of a sweep's definition.
 */
@RolesAllowed("OPERATOR")
@Route("sweeps/new")
@PageTitle("New sweep · Chimera Bench")
@Menu(order = 5, icon = "vaadin:plus-circle-o", title = "New sweep")
class SweepEditorView extends VerticalLayout implements BeforeEnterObserver {

    private final SweepService sweeps;
    private final SweepStarter starter;
    private final EndpointService endpointService;
    final TextField name = new TextField("Name");
    final TextArea description = new TextArea("Description");
    final MultiSelectComboBox<EndpointView> endpoint = new MultiSelectComboBox<>("Endpoints");
    final ComboBox<String> model = new ComboBox<>("Model");
    final RadioButtonGroup<WorkloadType> workload = new RadioButtonGroup<>("Workload");
    final Select<PromptPreset> preset = new Select<>();
    final TextArea prompt = new TextArea("Prompt");
    final RunSettingsForm settings = new RunSettingsForm(this::updatePreview);
    final Checkbox confirmLarge = new Checkbox("I know this sweep is large");
    final Div axes = new Div();
    final CallPreview preview;
    /** Every problem of the form at once, above the form; updated as fields are edited. */
    final ErrorList errors = new ErrorList();
    private boolean triedToSave;

    SweepEditorView(SweepService sweeps, SweepStarter starter, EndpointService endpoints, StoredCalls calls) {
        this.sweeps = sweeps;
        this.starter = starter;
        this.preview = new CallPreview(calls);
        this.endpointService = endpoints;
        addClassName("sweep-editor");
        setMaxWidth("64rem");
        name.setValue("GPU offload sweep");
        endpoint.setItemLabelGenerator(e -> e.name() + (e.simulated() ? " (simulated)" : ""));
        endpoint.setItems(endpoints.list());
        endpoint.setHelperText("Several = a fleet: configurations are split across them and run in parallel");
        endpoint.addValueChangeListener(e -> {
            List<String> names = FleetModels.common(e.getValue());
            model.setItems(names);
            if (!names.isEmpty() && !names.contains(model.getValue())) {
                model.setValue(names.get(0));
            }
            updatePreview();
        });
        endpoints.list().stream().filter(EndpointView::simulated).findFirst().ifPresent(e -> endpoint.setValue(e));
        model.setAllowCustomValue(true);
        model.addCustomValueSetListener(e -> model.setValue(e.getDetail()));
        workload.setItems(WorkloadType.SINGLE_PROMPT, WorkloadType.AGENT_WORKFLOW);
        workload.setItemLabelGenerator(WorkloadType::label);
        workload.setValue(WorkloadType.SINGLE_PROMPT);
        workload.addValueChangeListener(e -> {
            prompt.setLabel(e.getValue() == WorkloadType.SINGLE_PROMPT ? "Prompt" : "Data summary for the analysis call");
            updatePreview();
        });
        preset.setLabel("Preset");
        preset.setItems(PromptPreset.values());
        preset.setItemLabelGenerator(PromptPreset::label);
        preset.setPlaceholder("Pick a ready-made prompt");
        preset.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                prompt.setValue(e.getValue().text());
            }
        });
        preset.setValue(PromptPreset.TECHNICAL_REPORT);
        prompt.setWidthFull();
        addAxis(OllamaOption.NUM_GPU, "14, 28");
        addAxis(OllamaOption.NUM_CTX, "2048, 4096");
        Button addAxis = new Button("Add axis", VaadinIcon.PLUS.create(), e -> addAxis(OllamaOption.TEMPERATURE, "0.6, 0.8"));
        description.setPlaceholder("What this sweep is meant to find out (optional)");
        FormLayout form = new FormLayout(name, endpoint, description, model, workload, preset, prompt);
        form.setColspan(prompt, 2);
        form.setColspan(workload, 2);
        Button create = new Button("Create", e -> save(false));
        Button start = new Button("Create and start", VaadinIcon.PLAY.create(), e -> save(true));
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        start.addClassName("create-and-start");
        confirmLarge.setVisible(false);
        confirmLarge.addValueChangeListener(e -> validate());
        for (var field : List.of(name, description, prompt)) {
            field.addValueChangeListener(e -> validate());
        }
        model.addValueChangeListener(e -> {
            showLayers();
            validate();
        });
        add(new ViewToolbar("New sweep"), errors, form, new H3("Axes"), axes, addAxis, new H3("Run settings"),
                settings, preview, confirmLarge, new HorizontalLayout(create, start));
        updatePreview();
    }

    /** {@code ?from=<id>}: the form shows a copy of that sweep's definition. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("from").filter(id -> id.matches("\\d{1,18}"))
                .flatMap(id -> sweeps.definition(Long.parseLong(id))).ifPresent(this::fill);
    }

    private void fill(SweepDefinition d) {
        name.setValue("Copy of " + d.name());
        description.setValue(d.description() == null ? "" : d.description());
        endpoint.setValue(endpointService.list().stream().filter(e -> d.endpoints() != null
                && d.endpoints().contains(e.name())).toList());
        model.setValue(d.model());
        if (d.workload() != null) {
            WorkloadType.named(d.workload().type()).ifPresent(workload::setValue);
            preset.clear();
            prompt.setValue(d.workload().prompt() != null ? d.workload().prompt()
                    : d.workload().dataSummary() == null ? "" : d.workload().dataSummary());
        }
        axes.removeAll();
        if (d.axes() != null) {
            d.axes().forEach((key, values) -> OllamaOption.byKey(key).ifPresent(o -> addAxis(o, AxisRow.text(values))));
        }
        settings.fill(d);
        updatePreview();
    }

    private void addAxis(OllamaOption option, String values) {
        axes.add(new AxisRow(option, values, () -> {
            showLayers();
            updatePreview();
        }, row -> {
            axes.remove(row);
            updatePreview();
        }));
        showLayers();
        updatePreview();
    }

    /** Next to num_gpu: how many layers the chosen model has, so the values can be picked knowingly. */
    private void showLayers() {
        if (model == null || endpointService == null) {
            return;
        }
        Optional<Integer> count = endpoint.getValue().stream()
                .map(e -> endpointService.layerCount(e, model.getValue())).flatMap(Optional::stream).findFirst();
        rows().forEach(row -> row.showLayers(count.orElse(null), model.getValue()));
    }

    private List<AxisRow> rows() {
        return axes.getChildren().filter(AxisRow.class::isInstance).map(AxisRow.class::cast).toList();
    }

    void updatePreview() {
        long configurations = 1;
        for (AxisRow row : rows()) {
            configurations *= Math.max(0, row.count());
        }
        WorkloadType type = workload.getValue() == null ? WorkloadType.SINGLE_PROMPT : workload.getValue();
        boolean race = settings.racing();
        // a race's worst case: every configuration runs to the maximum (what the confirmation is about)
        int repetitions = race ? settings.race.max() : valueOrZero(settings.repetitions.getValue());
        int warmups = valueOrZero(settings.warmups.getValue());
        long slots = batchSlots();
        if (race) {
            preview.showRace(configurations, slots, settings.race.min(), repetitions, warmups, type,
                    endpoint.getValue());
        } else {
            preview.show(configurations, slots, repetitions, warmups, type, endpoint.getValue());
        }
        if (confirmLarge != null) { // the run settings call this while the view is being built
            preview.showLoads(plannedLoads(), endpoint.getValue());
            long calls = type.plannedCalls(slots, repetitions, warmups);
            confirmLarge.setVisible(calls > sweeps.confirmAbove());
            confirmLarge.setLabel("I know this sweep is large: " + calls + " calls (confirmation needed above "
                    + sweeps.confirmAbove() + ")");
            validate();
        }
    }

    private java.util.Optional<org.chimerabench.sweep.PlannedLoads> plannedLoads() {
        try {
            return sweeps.plannedLoads(definition());
        } catch (IllegalArgumentException unreadableOptions) {
            return java.util.Optional.empty();
        }
    }

    /** Checks the whole form as it is edited and lists every problem at once (nothing is stored). */
    private void validate() {
        if (errors == null || sweeps == null) {
            return;
        }
        Map<String, String> found;
        try {
            found = sweeps.check(definition());
        } catch (IllegalArgumentException unreadableOptions) {
            found = Map.of("options", unreadableOptions.getMessage());
        }
        clearErrors();
        if (!found.isEmpty()) {
            showErrors(found, triedToSave ? "Nothing was saved. Fix these first:" : "To fix before saving:");
        }
    }

    /** Σ of the configurations' batch sizes (their loads): the calls of one repetition per arm. */
    private long batchSlots() {
        Map<String, List<Object>> axisValues = new LinkedHashMap<>();
        for (AxisRow row : rows()) {
            if (row.option.getValue() != null) {
                try {
                    axisValues.put(row.option.getValue().key(), row.expanded());
                } catch (RuntimeException unreadable) {
                    axisValues.put(row.option.getValue().key(), List.of());
                }
            }
        }
        Integer concurrency = settings.concurrencyOrNull();
        return Load.batchSlots(axisValues, concurrency == null ? Load.ONE_AT_A_TIME
                : new Load(Math.max(1, concurrency), null));
    }

    private static int valueOrZero(Integer value) {
        return value == null ? 0 : value;
    }

    SweepDefinition definition() {
        Map<String, Object> axisValues = new LinkedHashMap<>();
        for (AxisRow row : rows()) {
            if (row.option.getValue() != null) {
                axisValues.put(row.option.getValue().key(), row.parsed());
            }
        }
        boolean single = workload.getValue() != WorkloadType.AGENT_WORKFLOW;
        RunSettingsForm s = settings;
        return new SweepDefinition(name.getValue(), description.getValue(),
                endpoint.getValue().stream().map(EndpointView::name).sorted().toList(), model.getValue(),
                new SweepDefinition.Workload(single ? WorkloadType.SINGLE_PROMPT.name() : WorkloadType.AGENT_WORKFLOW.name(), single ? prompt.getValue() : null,
                        single ? null : prompt.getValue()),
                axisValues, s.fixed(), s.baselineOrDefaults(), s.fixedRepetitions(), s.warmups.getValue(),
                s.coldStart.getValue(), s.order.getValue().name(), s.seed(), s.promptVariation.getValue(),
                s.maxTokens.getValue(), s.timeouts(), confirmLarge.getValue(), s.adaptive(), s.concurrencyOrNull(),
                null);
    }

    private void save(boolean andStart) {
        triedToSave = true;
        clearErrors();
        try {
            long id = sweeps.create(definition());
            if (andStart) {
                starter.start(id);
            }
            getUI().ifPresent(ui -> ui.navigate("sweeps/" + id));
        } catch (SweepValidationException invalid) {
            showErrors(invalid.fieldErrors(), "Nothing was saved. Fix these first:");
        } catch (IllegalArgumentException unreadableOptions) {
            showErrors(Map.of("options", unreadableOptions.getMessage()), "Nothing was saved. Fix these first:");
        }
    }

    private void clearErrors() {
        name.setInvalid(false);
        description.setInvalid(false);
        prompt.setInvalid(false);
        model.setInvalid(false);
        settings.clearErrors();
        rows().forEach(r -> r.values.setInvalid(false));
        errors.clear();
    }

    private void showErrors(Map<String, String> fieldErrors, String title) {
        mark(name, fieldErrors.get("name"));
        mark(description, fieldErrors.get("description"));
        mark(prompt, fieldErrors.get("workload.prompt"));
        if (fieldErrors.containsKey("model")) {
            model.setInvalid(true);
            model.setErrorMessage(fieldErrors.get("model"));
        }
        settings.showErrors(fieldErrors);
        for (AxisRow row : rows()) {
            if (row.option.getValue() != null) {
                mark(row.values, fieldErrors.get("axes." + row.option.getValue().key()));
            }
        }
        errors.show(title, fieldErrors);
    }

    private static void mark(TextFieldBase<?, String> field, String error) {
        if (error != null) {
            field.setInvalid(true);
            field.setErrorMessage(error);
        }
    }
}
