package org.chimerabench.sweep.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.chimerabench.base.Numbers;
import org.chimerabench.sweep.OllamaOption;

/** One axis of the editor: an Ollama option and its values ("60, 80, 120" or "10..30 step 10"). */
class AxisRow extends Composite<HorizontalLayout> {

    final Select<OllamaOption> option = new Select<>();
    final TextField values = new TextField("Values");

    AxisRow(OllamaOption initial, String initialValues, Runnable onChange, Consumer<AxisRow> remove) {
        option.setLabel("Option");
        option.setItems(OllamaOption.values());
        option.setItemLabelGenerator(o -> o.key() + (o.runner() ? " (reloads the model)" : ""));
        option.setHelperText("“Reloads the model”: a new value makes Ollama load the model again before the first"
                + " call; that load time is not part of the measured throughput.");
        option.setValue(initial);
        option.addValueChangeListener(e -> {
            values.setHelperText(help(e.getValue()));
            onChange.run();
        });
        values.setValue(initialValues);
        values.setWidth("min(20rem, 100%)");
        values.setHelperText(help(initial));
        values.setValueChangeMode(ValueChangeMode.LAZY);
        values.addValueChangeListener(e -> onChange.run());
        Button delete = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> remove.accept(this));
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        delete.setTooltipText("Remove this axis");
        getContent().setAlignItems(HorizontalLayout.Alignment.BASELINE);
        getContent().addClassName("axis-row");
        getContent().add(option, values, delete);
    }

    /** For num_gpu: the model's layer count (null = unknown), added to the values' helper text. */
    void showLayers(Integer layers, String model) {
        String help = help(option.getValue());
        if (option.getValue() == OllamaOption.NUM_GPU && layers != null) {
            help = model + " has " + layers + " layers: " + (layers + 1) + " or more puts all of them (and the"
                    + " output layer) on the GPU, 0 none. " + help;
        }
        values.setHelperText(help);
    }

    private static String help(OllamaOption o) {
        return o == null ? "" : o.meaning() + "; " + o.type().name().toLowerCase() + " from " + Numbers.plain(o.min())
                + " to " + Numbers.plain(o.max()) + ". A list (60, 80) or a range (10..30 step 10).";
    }

    /** The values as the definition JSON takes them: a list, or a {min, max, step} range. */
    Object parsed() {
        String text = values.getValue().strip().replace('−', '-'); // the helper text shows the typographic minus
        Matcher range = Pattern
                .compile("^(-?[\\d.]+)\\s*\\.\\.\\s*(-?[\\d.]+)\\s+step\\s+([\\d.]+)$").matcher(text);
        if (range.matches()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("min", number(range.group(1)));
            r.put("max", number(range.group(2)));
            r.put("step", number(range.group(3)));
            return r;
        }
        List<Object> list = new ArrayList<>();
        for (String part : text.split(",")) {
            String value = part.strip();
            if (value.isEmpty()) {
                continue;
            }
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                list.add(Boolean.parseBoolean(value));
            } else {
                try {
                    list.add(number(value));
                } catch (NumberFormatException e) {
                    list.add(value); // the validator says what is wrong with it
                }
            }
        }
        return list;
    }

    /** A definition's axis values as the row shows them: {@code 60, 80} or {@code 10..30 step 10}. */
    static String text(Object values) {
        if (values instanceof Map<?, ?> range) {
            return range.get("min") + ".." + range.get("max") + " step " + range.get("step");
        }
        return values instanceof List<?> list ? String.join(", ", list.stream().map(String::valueOf).toList())
                : String.valueOf(values);
    }

    /** How many values the axis has (for the preview), 0 when unreadable. */
    int count() {
        Object parsed = parsed();
        if (parsed instanceof List<?> list) {
            return list.size();
        }
        Map<?, ?> r = (Map<?, ?>) parsed;
        BigDecimal min = new BigDecimal(r.get("min").toString());
        BigDecimal max = new BigDecimal(r.get("max").toString());
        BigDecimal step = new BigDecimal(r.get("step").toString());
        return step.signum() <= 0 || min.compareTo(max) > 0 ? 0
                : max.subtract(min).divideToIntegralValue(step).intValue() + 1;
    }

    /** The axis' values one by one (a range expanded, at most 1000), for the preview; empty when unreadable. */
    List<Object> expanded() {
        Object parsed = parsed();
        if (parsed instanceof List<?> list) {
            return List.copyOf(list.stream().map(v -> (Object) v).toList());
        }
        Map<?, ?> r = (Map<?, ?>) parsed;
        BigDecimal min = new BigDecimal(r.get("min").toString());
        BigDecimal max = new BigDecimal(r.get("max").toString());
        BigDecimal step = new BigDecimal(r.get("step").toString());
        List<Object> values = new java.util.ArrayList<>();
        for (BigDecimal v = min; step.signum() > 0 && v.compareTo(max) <= 0 && values.size() < 1000; v = v.add(step)) {
            values.add(number(v.toPlainString()));
        }
        return values;
    }

    private static Number number(String text) {
        BigDecimal value = new BigDecimal(text);
        return value.stripTrailingZeros().scale() <= 0 ? (Number) value.intValueExact() : value.doubleValue();
    }
}
