package org.chimerabench.sweep;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointUnavailableException;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.ModelNames;

/**
 * Checks a {@link SweepDefinition} field by field and says what is wrong with each (nothing is stored until
 * every field is valid). Axis values must fit the option's type and range, without duplicates; endpoints must
 * exist and have the model; a sweep above the call cap needs {@code confirmLarge}.
 */
final class SweepDefinitionValidator {

    static final int MAX_VALUES_PER_AXIS = 1000;
    static final int MAX_CONFIGURATIONS = 100_000;

    private final EndpointService endpoints;
    private final long confirmAbove;
    private final Map<String, String> errors = new LinkedHashMap<>();

    SweepDefinitionValidator(EndpointService endpoints, long confirmAbove) {
        this.endpoints = endpoints;
        this.confirmAbove = confirmAbove;
    }

    ValidatedSweep validate(SweepDefinition d) {
        if (d == null) {
            throw new SweepValidationException(Map.of("definition", "The request body must be a sweep definition"));
        }
        String name = required("name", d.name(), 200);
        String description = d.description() == null || d.description().isBlank() ? null : d.description().strip();
        if (description != null && description.length() > 4000) {
            errors.put("description", "Description must be at most 4000 characters");
        }
        List<EndpointView> chosen = endpoints(d.endpoints());
        String model = required("model", d.model(), 200);
        if (model != null && !errors.containsKey("model")) {
            checkModel(model, chosen);
        }
        WorkloadType workload = workload(d.workload());
        String prompt = d.workload() == null ? null : d.workload().prompt();
        if (workload == WorkloadType.SINGLE_PROMPT && (prompt == null || prompt.isBlank())) {
            errors.put("workload.prompt", "A single-prompt workload needs a prompt");
        }
        Map<String, List<Object>> axes = axes(d.axes());
        Map<String, Object> fixed = options("fixedOptions", d.fixedOptions() == null
                ? SweepService.DEFAULT_FIXED_OPTIONS : d.fixedOptions());
        axes.keySet().stream().filter(fixed::containsKey).forEach(option -> errors.put("fixedOptions." + option,
                option + " is an axis; it cannot also be a fixed option"));
        Map<String, Object> baseline = options("baselineOptions", d.baselineOptions() == null ? Map.of()
                : d.baselineOptions());
        Load load = load(d, axes);
        RacePlan race = race(d.adaptive());
        if (race != null && d.repetitions() != null) {
            errors.put("repetitions", "Leave repetitions out of an adaptive sweep: it runs from"
                    + " adaptive.minRepetitions to adaptive.maxRepetitions");
        }
        int repetitions = race != null ? race.maxRepetitions() : range("repetitions", d.repetitions(), 1, 1, 1000);
        int warmups = range("warmups", d.warmups(), 0, 0, 100);
        Integer maxTokens = d.maxTokens() == null ? null : range("maxTokens", d.maxTokens(), 0, 1, 100_000);
        RunOrder order = d.order() == null ? RunOrder.AS_DEFINED : RunOrder.named(d.order()).orElse(null);
        if (order == null) {
            errors.put("order", "Order must be AS_DEFINED, SHUFFLED or BLOCKED, got " + d.order());
        }
        Long seed = order == RunOrder.SHUFFLED && d.shuffleSeed() == null ? Long.valueOf(System.nanoTime() & 0xFFFFFF)
                : d.shuffleSeed();
        timeouts(d.timeouts());
        int configurations = 1;
        for (List<Object> values : axes.values()) {
            configurations = (int) Math.min((long) configurations * values.size(), Integer.MAX_VALUE);
        }
        if (configurations > MAX_CONFIGURATIONS) {
            errors.put("axes", "The axes make " + configurations + " configurations; at most " + MAX_CONFIGURATIONS);
        }
        long batchSlots = Load.batchSlots(axes, load);
        long totalCalls = (workload == null ? WorkloadType.SINGLE_PROMPT : workload)
                .plannedCalls(batchSlots, repetitions, warmups);
        if (errors.isEmpty() && totalCalls > confirmAbove && !Boolean.TRUE.equals(d.confirmLarge())) {
            errors.put("confirmLarge", "This sweep makes " + totalCalls + " calls (more than " + confirmAbove
                    + "); confirm with confirmLarge=true");
        }
        if (!errors.isEmpty()) {
            throw new SweepValidationException(errors);
        }
        return new ValidatedSweep(new ValidatedSweep.Identity(name, description),
                new ValidatedSweep.Target(chosen.stream().map(EndpointView::id).toList(),
                        chosen.stream().allMatch(EndpointView::simulated), model),
                new ValidatedSweep.Workload(workload, prompt == null ? d.workload().dataSummary() : prompt),
                new ValidatedSweep.Grid(axes, fixed, baseline, configurations, batchSlots, totalCalls),
                new RunPlan(repetitions, warmups, Boolean.TRUE.equals(d.coldStart()), order, seed,
                        Boolean.TRUE.equals(d.promptVariation()), maxTokens, race, load),
                d.timeouts());
    }

    private String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            errors.put(field, capitalised(field) + " is required");
            return null;
        }
        if (value.strip().length() > maxLength) {
            errors.put(field, capitalised(field) + " must be at most " + maxLength + " characters");
        }
        return value.strip();
    }

    private List<EndpointView> endpoints(List<String> names) {
        List<EndpointView> chosen = new ArrayList<>();
        if (names == null || names.isEmpty()) {
            errors.put("endpoints", "Name at least one endpoint (e.g. \"Built-in simulator\")");
            return chosen;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String name : names) {
            if (!seen.add(name)) {
                errors.put("endpoints", "Endpoint '" + name + "' is named twice");
                continue;
            }
            Optional<EndpointView> endpoint = name == null ? Optional.empty() : endpoints.findByName(name);
            if (endpoint.isEmpty()) {
                errors.put("endpoints", "Unknown endpoint '" + name + "'");
            } else {
                chosen.add(endpoint.get());
            }
        }
        return chosen;
    }

    private void checkModel(String model, List<EndpointView> chosen) {
        for (EndpointView endpoint : chosen) {
            try {
                List<String> installed = endpoints.installedModels(endpoint);
                if (installed.stream().noneMatch(name -> ModelNames.same(name, model))) {
                    errors.put("model", "Model '" + model + "' is not installed on '" + endpoint.name()
                            + "' (installed: " + String.join(", ", installed) + ")");
                }
            } catch (EndpointUnavailableException down) {
                errors.put("endpoints", down.getMessage());
            }
        }
    }

    private WorkloadType workload(SweepDefinition.Workload workload) {
        if (workload == null || workload.type() == null) {
            errors.put("workload.type", "Workload type is required: SINGLE_PROMPT or AGENT_WORKFLOW");
            return null;
        }
        Optional<WorkloadType> type = WorkloadType.named(workload.type());
        if (type.isEmpty()) {
            errors.put("workload.type", "Workload type must be SINGLE_PROMPT or AGENT_WORKFLOW, got "
                    + workload.type());
        }
        return type.orElse(null);
    }

    private Map<String, List<Object>> axes(Map<String, Object> axes) {
        Map<String, List<Object>> expanded = new LinkedHashMap<>();
        if (axes == null || axes.isEmpty()) {
            errors.put("axes", "Give at least one axis, e.g. {\"num_gpu\": [60, 80]}");
            return expanded;
        }
        axes.forEach((key, spec) -> {
            String field = "axes." + key;
            Optional<OllamaOption> option = OllamaOption.byKey(key);
            if (option.isEmpty()) {
                errors.put(field, "Unknown Ollama option '" + key + "'");
                return;
            }
            List<Object> raw = values(field, spec);
            if (raw == null) {
                return;
            }
            if (raw.isEmpty()) {
                errors.put(field, key + " has no values");
                return;
            }
            List<Object> values = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Object value : raw) {
                try {
                    Object coerced = option.get().coerce(value);
                    if (!seen.add(String.valueOf(coerced))) {
                        errors.put(field, key + " lists " + coerced + " twice");
                        return;
                    }
                    values.add(coerced);
                } catch (IllegalArgumentException wrong) {
                    errors.put(field, wrong.getMessage());
                    return;
                }
            }
            expanded.put(key, values);
        });
        return expanded;
    }

    /** A list as given, or the values of a {@code {"min","max","step"}} range. */
    private List<Object> values(String field, Object spec) {
        if (spec instanceof List<?> list) {
            return new ArrayList<>(list);
        }
        if (spec instanceof Map<?, ?> range) {
            List<String> unknown = range.keySet().stream().map(String::valueOf)
                    .filter(key -> !List.of("min", "max", "step").contains(key)).sorted().toList();
            if (!unknown.isEmpty()) { // refused like every other unknown field of the API
                errors.put(field, "Unknown field" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                        + " in a range: a range has only min, max and step");
                return null;
            }
            if (!(range.get("min") instanceof Number min) || !(range.get("max") instanceof Number max)
                    || !(range.get("step") instanceof Number step)) {
                errors.put(field, "A range needs numeric min, max and step");
                return null;
            }
            BigDecimal from = new BigDecimal(min.toString());
            BigDecimal to = new BigDecimal(max.toString());
            BigDecimal by = new BigDecimal(step.toString());
            if (by.signum() <= 0 || from.compareTo(to) > 0) {
                errors.put(field, "A range needs min ≤ max and a step > 0");
                return null;
            }
            List<Object> values = new ArrayList<>();
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(by)) {
                if (values.size() == MAX_VALUES_PER_AXIS) {
                    errors.put(field, "A range may give at most " + MAX_VALUES_PER_AXIS + " values");
                    return null;
                }
                values.add(v.stripTrailingZeros().scale() <= 0 ? (Object) v.intValueExact() : v.doubleValue());
            }
            return values;
        }
        errors.put(field, "Give a list of values or a {\"min\", \"max\", \"step\"} range");
        return null;
    }

    private Map<String, Object> options(String field, Map<String, Object> options) {
        Map<String, Object> checked = new LinkedHashMap<>();
        options.forEach((key, value) -> {
            Optional<OllamaOption> option = OllamaOption.byKey(key);
            if (option.isEmpty()) {
                errors.put(field + "." + key, "Unknown Ollama option '" + key + "'");
                return;
            }
            if (option.get().load()) {
                errors.put(field + "." + key, key + " is the load, not an Ollama option: set it as the sweep's "
                        + key + " or as an axis");
                return;
            }
            try {
                checked.put(key, option.get().coerce(value));
            } catch (IllegalArgumentException wrong) {
                errors.put(field + "." + key, wrong.getMessage());
            }
        });
        return checked;
    }

    private int range(String field, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            errors.put(field, capitalised(field) + " must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /**
     * The sweep's load: {@code concurrency} (default 1) or {@code requestRate}, never both (nor one as a field and
     * the other, or the same, as an axis).
     */
    private Load load(SweepDefinition d, Map<String, List<Object>> axes) {
        boolean concurrencyAxis = axes.containsKey(OllamaOption.CONCURRENCY.key());
        boolean rateAxis = axes.containsKey(OllamaOption.REQUEST_RATE.key());
        if (concurrencyAxis && rateAxis) {
            errors.put("axes.requestRate", "Vary concurrency or requestRate, not both: a load is one or the other");
        }
        Integer concurrency = null;
        Double rate = null;
        if (d.concurrency() != null) {
            try {
                concurrency = (Integer) OllamaOption.CONCURRENCY.coerce(d.concurrency());
            } catch (IllegalArgumentException wrong) {
                errors.put("concurrency", capitalised(wrong.getMessage()));
            }
            if (concurrencyAxis) {
                errors.put("concurrency", "concurrency is an axis; leave the sweep's concurrency out");
            }
        }
        if (d.requestRate() != null) {
            try {
                rate = (Double) OllamaOption.REQUEST_RATE.coerce(d.requestRate());
            } catch (IllegalArgumentException wrong) {
                errors.put("requestRate", capitalised(wrong.getMessage()));
            }
            if (rateAxis) {
                errors.put("requestRate", "requestRate is an axis; leave the sweep's requestRate out");
            }
        }
        if ((d.concurrency() != null || concurrencyAxis) && (d.requestRate() != null || rateAxis)
                && !(concurrencyAxis && rateAxis)) {
            errors.put("requestRate", "Use concurrency or requestRate, not both: calls in flight at once, or"
                    + " requests arriving at a rate");
        }
        return rate != null ? new Load(1, rate) : concurrency != null ? new Load(concurrency, null)
                : Load.ONE_AT_A_TIME;
    }

    /** The race settings with their defaults, or null for a fixed sweep; each wrong field gets its message. */
    private RacePlan race(SweepDefinition.Adaptive a) {
        if (a == null) {
            return null;
        }
        RaceObjective objective = a.objective() == null ? RaceObjective.CHIMERA_DECODE_TOK_PER_SEC
                : RaceObjective.named(a.objective()).orElse(null);
        if (objective == null) {
            errors.put("adaptive.objective", "Objective must be CHIMERA_DECODE_TOK_PER_SEC, THROUGHPUT_DELTA_PCT or"
                    + " TTFT_MS, got " + a.objective());
        }
        int min = a.minRepetitions() == null ? 2 : a.minRepetitions();
        int max = a.maxRepetitions() == null ? 10 : a.maxRepetitions();
        if (min < 2 || min > 1000) {
            errors.put("adaptive.minRepetitions", "Minimum repetitions must be between 2 and 1000 (a confidence"
                    + " interval needs two values), got " + min);
        }
        if (max < 2 || max > 1000) {
            errors.put("adaptive.maxRepetitions", "Maximum repetitions must be between 2 and 1000, got " + max);
        } else if (max < min) {
            errors.put("adaptive.maxRepetitions", "Maximum repetitions (" + max + ") must be at least the minimum ("
                    + min + ")");
        }
        double target = a.targetCiHalfWidthPct() == null ? 0.5 : a.targetCiHalfWidthPct();
        if (!(target > 0 && target <= 100)) {
            errors.put("adaptive.targetCiHalfWidthPct", "The target half-width must be above 0 and at most 100 %, got "
                    + target);
        }
        double confidence = a.confidence() == null ? 0.95 : a.confidence();
        if (!(confidence > 0.5 && confidence < 0.999)) {
            errors.put("adaptive.confidence", "Confidence must be above 0.5 and below 0.999, got " + confidence);
        }
        return new RacePlan(objective == null ? RaceObjective.CHIMERA_DECODE_TOK_PER_SEC : objective, min,
                Math.max(min, max), target, a.eliminate() == null || a.eliminate(), confidence);
    }

    private void timeouts(SweepDefinition.Timeouts t) {
        if (t == null) {
            return;
        }
        Integer[] values = {t.connectSeconds(), t.firstTokenSeconds(), t.idleSeconds(), t.totalSeconds()};
        String[] names = {"connectSeconds", "firstTokenSeconds", "idleSeconds", "totalSeconds"};
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && (values[i] < 1 || values[i] > 86_400)) {
                errors.put("timeouts." + names[i], names[i] + " must be between 1 and 86400 seconds");
            }
        }
    }

    private static String capitalised(String field) {
        return Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }
}
