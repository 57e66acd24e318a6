package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.Durations;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.sweep.RunOrder;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;

/**
 * How a sweep runs: repetitions, warm-ups, token cap, cold starts, order (with its shuffle seed), prompt
 * variation, the chimera arm's fixed options, the baseline (Ollama defaults or custom options), timeouts.
 */
class RunSettingsForm extends Composite<FormLayout> {

    static final String DEFAULTS = "Ollama defaults (no options sent)";
    static final String CUSTOM = "Custom options";
    static final String FIXED = "A fixed number per configuration";
    static final String RACE = "Race: repetitions until each configuration is decided";

    final RadioButtonGroup<String> repetitionMode = new RadioButtonGroup<>("Repetitions");
    final IntegerField repetitions = number("Repetitions per arm", 2);
    final RaceSettingsForm race;
    final IntegerField warmups = number("Warm-up trials", 1);
    final IntegerField concurrency = number("Calls in flight at once", 1);
    final IntegerField maxTokens = number("Max generated tokens", 64);
    final Checkbox coldStart = new Checkbox("Cold start per configuration (unload, wait until gone)");
    final Select<RunOrder> order = new Select<>();
    final BigDecimalField shuffleSeed = new BigDecimalField("Shuffle seed");
    final Checkbox promptVariation = new Checkbox("Vary the prompt per trial (defeats the prompt cache)");
    final TextField fixedOptions = new TextField("Chimera arm: fixed options");
    final RadioButtonGroup<String> baseline = new RadioButtonGroup<>("Baseline arm");
    final TextField baselineOptions = new TextField("Baseline options");
    final IntegerField connectTimeout = timeout("Connect timeout (s)", OllamaTimeouts.DEFAULT.connect());
    final IntegerField firstTokenTimeout = timeout("First-token timeout (s)", OllamaTimeouts.DEFAULT.firstToken());
    final IntegerField idleTimeout = timeout("Idle gap timeout (s)", OllamaTimeouts.DEFAULT.idle());
    final IntegerField totalTimeout = timeout("Total timeout (s)", OllamaTimeouts.DEFAULT.total());

    RunSettingsForm(Runnable onChange) {
        race = new RaceSettingsForm(onChange);
        race.setVisible(false);
        repetitionMode.setItems(FIXED, RACE);
        repetitionMode.setValue(FIXED);
        repetitionMode.addValueChangeListener(e -> {
            boolean racing = racing();
            race.setVisible(racing);
            repetitions.setVisible(!racing);
            onChange.run();
        });
        maxTokens.setHelperText("Sent as num_predict to both arms");
        concurrency.setMin(1);
        concurrency.setMax(64);
        concurrency.setHelperText("1 = one call at a time; N = each repetition is a batch of N calls together, per"
                + " arm. To compare loads, add a concurrency axis instead");
        order.setLabel("Order");
        order.setItems(RunOrder.values());
        order.setItemLabelGenerator(RunOrder::label);
        order.setValue(RunOrder.AS_DEFINED);
        shuffleSeed.setHelperText("Empty = a new seed, shown on the sweep");
        shuffleSeed.setVisible(false);
        order.addValueChangeListener(e -> shuffleSeed.setVisible(e.getValue() == RunOrder.SHUFFLED));
        fixedOptions.setValue(OptionsText.format(SweepService.DEFAULT_FIXED_OPTIONS));
        fixedOptions.setHelperText("Sent with every chimera call, besides the axes; name=value, comma separated");
        baseline.setItems(DEFAULTS, CUSTOM);
        baseline.setValue(DEFAULTS);
        baselineOptions.setVisible(false);
        baselineOptions.setPlaceholder("num_ctx=2048, temperature=0.8");
        baseline.addValueChangeListener(e -> baselineOptions.setVisible(CUSTOM.equals(e.getValue())));
        for (IntegerField field : List.of(repetitions, warmups, maxTokens, concurrency)) {
            field.addValueChangeListener(e -> onChange.run());
        }
        // what changes the model loads the plan costs (the preview counts them)
        order.addValueChangeListener(e -> onChange.run());
        coldStart.addValueChangeListener(e -> onChange.run());
        baseline.addValueChangeListener(e -> onChange.run());
        fixedOptions.addValueChangeListener(e -> onChange.run());
        baselineOptions.addValueChangeListener(e -> onChange.run());
        FormLayout form = getContent();
        form.add(repetitionMode, race, repetitions, warmups, concurrency, maxTokens, order, shuffleSeed, coldStart,
                promptVariation, fixedOptions,
                baseline, baselineOptions, connectTimeout, firstTokenTimeout, idleTimeout, totalTimeout);
        form.setColspan(repetitionMode, 2);
        form.setColspan(race, 2);
        form.setColspan(fixedOptions, 2);
        form.setColspan(baselineOptions, 2);
        form.addClassName("run-settings");
    }

    boolean racing() {
        return RACE.equals(repetitionMode.getValue());
    }

    /** Fixed repetitions, or null in a race (which leaves them out). */
    Integer fixedRepetitions() {
        return racing() ? null : repetitions.getValue();
    }

    /** The race settings, or null for a fixed sweep. */
    SweepDefinition.Adaptive adaptive() {
        return racing() ? race.adaptive() : null;
    }

    /** The sweep's concurrency, or null for one at a time (the default, or the load as an axis). */
    Integer concurrencyOrNull() {
        return concurrency.getValue() == null || concurrency.getValue() == 1 ? null : concurrency.getValue();
    }

    Map<String, Object> fixed() {
        return OptionsText.parse(fixedOptions.getValue());
    }

    /** Null = Ollama defaults. */
    Map<String, Object> baselineOrDefaults() {
        return CUSTOM.equals(baseline.getValue()) ? OptionsText.parse(baselineOptions.getValue()) : null;
    }

    Long seed() {
        return shuffleSeed.getValue() == null ? null : shuffleSeed.getValue().longValue();
    }

    SweepDefinition.Timeouts timeouts() {
        if (connectTimeout.isEmpty() && firstTokenTimeout.isEmpty() && idleTimeout.isEmpty()
                && totalTimeout.isEmpty()) {
            return null;
        }
        return new SweepDefinition.Timeouts(connectTimeout.getValue(), firstTokenTimeout.getValue(),
                idleTimeout.getValue(), totalTimeout.getValue());
    }

    /** Shows a stored definition's settings (duplicating a sweep). */
    void fill(SweepDefinition d) {
        setIfPresent(repetitions, d.repetitions());
        repetitionMode.setValue(d.adaptive() == null ? FIXED : RACE);
        if (d.adaptive() != null) {
            race.fill(d.adaptive());
        }
        setIfPresent(warmups, d.warmups());
        setIfPresent(concurrency, d.concurrency());
        maxTokens.setValue(d.maxTokens());
        coldStart.setValue(Boolean.TRUE.equals(d.coldStart()));
        order.setValue(RunOrder.named(d.order()).orElse(RunOrder.AS_DEFINED));
        shuffleSeed.setValue(d.shuffleSeed() == null ? null : BigDecimal.valueOf(d.shuffleSeed()));
        promptVariation.setValue(Boolean.TRUE.equals(d.promptVariation()));
        if (d.fixedOptions() != null) {
            fixedOptions.setValue(OptionsText.format(d.fixedOptions()));
        }
        boolean custom = d.baselineOptions() != null && !d.baselineOptions().isEmpty();
        baseline.setValue(custom ? CUSTOM : DEFAULTS);
        baselineOptions.setValue(custom ? OptionsText.format(d.baselineOptions()) : "");
        SweepDefinition.Timeouts t = d.timeouts();
        if (t != null) {
            connectTimeout.setValue(t.connectSeconds());
            firstTokenTimeout.setValue(t.firstTokenSeconds());
            idleTimeout.setValue(t.idleSeconds());
            totalTimeout.setValue(t.totalSeconds());
        }
    }

    /** Marks the fields named in the validator's errors; returns nothing, the view lists every message. */
    void showErrors(Map<String, String> errors) {
        mark(repetitions, errors.get("repetitions"));
        race.showErrors(errors);
        mark(warmups, errors.get("warmups"));
        mark(concurrency, errors.get("concurrency"));
        mark(maxTokens, errors.get("maxTokens"));
        mark(fixedOptions, firstStartingWith(errors, "fixedOptions"));
        mark(baselineOptions, firstStartingWith(errors, "baselineOptions"));
        mark(connectTimeout, firstStartingWith(errors, "timeouts.connect"));
        mark(firstTokenTimeout, firstStartingWith(errors, "timeouts.firstToken"));
        mark(idleTimeout, firstStartingWith(errors, "timeouts.idle"));
        mark(totalTimeout, firstStartingWith(errors, "timeouts.total"));
        if (errors.containsKey("order")) {
            order.setInvalid(true);
            order.setErrorMessage(errors.get("order"));
        }
    }

    void clearErrors() {
        for (var field : List.of(repetitions, warmups, concurrency, maxTokens, connectTimeout, firstTokenTimeout, idleTimeout,
                totalTimeout)) {
            field.setInvalid(false);
        }
        race.clearErrors();
        fixedOptions.setInvalid(false);
        baselineOptions.setInvalid(false);
        order.setInvalid(false);
    }

    private static String firstStartingWith(Map<String, String> errors, String prefix) {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    static void mark(HasValidation field, String error) {
        if (error != null) {
            field.setInvalid(true);
            field.setErrorMessage(error);
        }
    }

    private static void setIfPresent(IntegerField field, Integer value) {
        if (value != null) {
            field.setValue(value);
        }
    }

    static IntegerField number(String label, int value) {
        IntegerField field = new IntegerField(label);
        field.setValue(value);
        field.setStepButtonsVisible(true);
        return field;
    }

    /** Empty = the client's default, shown as the placeholder and in the helper text. */
    private static IntegerField timeout(String label, Duration standard) {
        IntegerField field = new IntegerField(label);
        field.setPlaceholder(String.valueOf(standard.toSeconds()));
        field.setHelperText("Empty = default, " + Durations.human(standard.toSeconds()));
        field.setMin(1);
        return field;
    }
}
