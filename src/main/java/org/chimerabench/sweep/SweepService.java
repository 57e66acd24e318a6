package org.chimerabench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.base.Numbers;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointUnavailableException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads sweeps for lists, details and the REST API. */
@Service
public class SweepService {

    /** The seed's chimera options, sent with every CHIMERA call unless the definition says otherwise. */
    public static final Map<String, Object> DEFAULT_FIXED_OPTIONS = defaultFixedOptions();

    private static final ObjectMapper ENVIRONMENT = new ObjectMapper();

    private final SweepRepository sweeps;
    private final ConfigurationRepository configurations;
    private final StoredCalls calls;
    private final EndpointService endpoints;
    private final long confirmAbove;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SweepService(SweepRepository sweeps, ConfigurationRepository configurations, StoredCalls calls, EndpointService endpoints, TransactionTemplate tx,
                 ApplicationEventPublisher events, ObjectProvider<SecurityContextHolderStrategy> strategy,
                 AuditTrail audit, @Value("${chimera.sweeps.confirm-above:5000}") long confirmAbove) {
        this.audit = audit;
        this.tx = tx;
        this.events = events;
        this.strategy = strategy;
        this.sweeps = sweeps;
        this.configurations = configurations;
        this.calls = calls;
        this.endpoints = endpoints;
        this.confirmAbove = confirmAbove;
    }

    private static Map<String, Object> defaultFixedOptions() {
        Map<String, Object> fixed = new LinkedHashMap<>();
        fixed.put("top_p", 0.9);
        fixed.put("top_k", 40);
        fixed.put("repeat_penalty", 1.1);
        return Collections.unmodifiableMap(fixed);
    }

    /**
     * Validates the definition (every wrong field is reported; nothing is stored then), expands the axes into
     * configurations (their cartesian product, in axis order) and stores the sweep as DRAFT. The validation asks
     * the endpoints for their models (network) before the transaction that stores the sweep begins.
     *
     * @throws SweepValidationException with one message per wrong field
     */
    @PreAuthorize(Access.OPERATOR)
    public long create(SweepDefinition definition) {
        return store(definition);
    }

    /**
     * What is wrong with a definition, field by field (empty = it could be created), without storing anything:
     * the editor validates as the user types. Operators only, like {@link #create}: it asks the endpoints for
     * their models.
     */
    @PreAuthorize(Access.OPERATOR)
    public Map<String, String> check(SweepDefinition definition) {
        // an endpoint its last check found down is said so at once, not asked again on every keystroke
        List<String> silent = definition.endpoints() == null ? List.of() : definition.endpoints().stream()
                .map(endpoints::findByName).flatMap(Optional::stream)
                .filter(e -> Boolean.FALSE.equals(e.reachable())).map(e -> e.name()).sorted().toList();
        if (!silent.isEmpty()) {
            return Map.of("endpoints", "Endpoint " + String.join(", ", silent) + " did not answer its last check;"
                    + " pick another or check it on the Endpoints page");
        }
        try {
            new SweepDefinitionValidator(endpoints, confirmAbove).validate(definition);
            return Map.of();
        } catch (SweepValidationException invalid) {
            return invalid.fieldErrors();
        } catch (EndpointUnavailableException down) {
            return Map.of("endpoints", down.getMessage());
        }
    }

    /** Above this many planned calls a sweep needs {@code confirmLarge} ({@code chimera.sweeps.confirm-above}). */
    /**
     * The model loads a definition's plan would cost (§4.2) — what the editor's preview shows — or empty while the
     * definition is not valid. Nothing is stored.
     */
    @Transactional(readOnly = true)
    public Optional<PlannedLoads> plannedLoads(SweepDefinition definition) {
        ValidatedSweep valid;
        try {
            valid = new SweepDefinitionValidator(endpoints, Long.MAX_VALUE).validate(definition);
        } catch (SweepValidationException | IllegalArgumentException invalid) {
            return Optional.empty();
        }
        List<PlannedLoads.Subject> subjects = expand(valid.grid().axes()).stream()
                .map(options -> new PlannedLoads.Subject(PlannedLoads.chimera(options, valid.grid().fixedOptions()),
                        Load.of(valid.plan().load(), options).batchSize())).toList();
        RunPlan plan = valid.plan();
        int repetitions = plan.race() != null ? plan.race().maxRepetitions() : plan.repetitions();
        return Optional.of(PlannedLoads.of(subjects, valid.grid().baselineOptions(), repetitions, plan.warmups(),
                plan.order(), plan.shuffleSeed(), plan.coldStart(), plan.race() != null,
                valid.target().endpointIds().size()));
    }

    public long confirmAbove() {
        return confirmAbove;
    }

    /**
     * Like {@link #create}, but stores only the listed configurations of the definition's grid, in their order: a
     * tuning's stage, whose candidates are the feasible part of a grid (what does not load is left out, not measured).
     *
     * @throws SweepValidationException as {@link #create}; {@code configurations} when one is not in the grid or none
     *                                  is given
     */
    @PreAuthorize(Access.OPERATOR)
    public long createSubset(SweepDefinition definition, List<Map<String, Object>> configurations) {
        return store(definition, configurations);
    }

    private long store(SweepDefinition definition) {
        return store(definition, null);
    }

    private long store(SweepDefinition definition, List<Map<String, Object>> only) {
        ValidatedSweep valid = new SweepDefinitionValidator(endpoints, confirmAbove).validate(definition);
        List<Map<String, Object>> grid = expand(valid.grid().axes());
        List<Map<String, Object>> chosen = only == null ? grid : subset(grid, only);
        Sweep sweep = Sweep.defined(valid.identity().name(), valid.identity().description(), valid.target().model(),
                valid.target().endpointIds(), valid.workload().type(), valid.workload().text(),
                valid.target().simulated());
        sweep.plan(valid.plan(), json(valid.timeouts()));
        sweep.setBatchSlots(valid.grid().batchSlots());
        sweep.setFixedOptions(valid.grid().fixedOptions());
        sweep.setBaselineOptions(valid.grid().baselineOptions());
        sweep.setDefinition(json(definition));
        sweep.setCreatedBy(CurrentUser.name(strategy.getIfAvailable()).orElse(null));
        valid.grid().axes().forEach(sweep::addAxis);
        for (Map<String, Object> options : chosen) {
            sweep.addConfiguration(options);
        }
        return tx.execute(status -> {
            long id = sweeps.save(sweep).getId();
            audit.record(AuditAction.SWEEP_CREATED, "sweep " + id, sweep.getName());
            return id;
        });
    }

    /**
     * Deletes a sweep with its configurations, trials and calls; nothing else changes. An operator deletes their own
     * sweeps, an admin any.
     *
     * @throws NoSuchElementException when there is no such sweep
     * @throws AccessDeniedException when the sweep is someone else's and the caller is not an admin
     * @throws SweepStateException while the sweep is queued or running (cancel it first)
     */
    @PreAuthorize(Access.OPERATOR)
    @Transactional
    public void delete(long id) {
        Sweep sweep = sweeps.lockById(id).orElseThrow(() -> new NoSuchElementException("there is no sweep " + id));
        SweepOwner.check(sweep, strategy.getIfAvailable(), "delete");
        if (sweep.getStatus().active()) {
            throw new SweepStateException("Sweep " + id + " is " + sweep.getStatus().label()
                    + "; cancel it before deleting it");
        }
        sweeps.deleteSweep(id);
        audit.record(AuditAction.SWEEP_DELETED, "sweep " + id, sweep.getName());
        events.publishEvent(new SweepDeleted(id));
    }

    /**
     * Sets the margin within which the sweep's mean effect counts as "no practical difference" (§6.5); an
     * operator's setting, for any sweep (it changes how the stored calls are judged, not the calls).
     *
     * @throws NoSuchElementException   when there is no such sweep
     * @throws SweepValidationException unless 0 &lt; margin ≤ 50 %
     */
    @PreAuthorize(Access.OPERATOR)
    @Transactional
    public void setEquivalenceMargin(long id, double marginPct) {
        Sweep sweep = sweeps.lockById(id).orElseThrow(() -> new NoSuchElementException("there is no sweep " + id));
        double before = sweep.getEquivalenceMarginPct();
        sweep.setEquivalenceMarginPct(marginPct);
        audit.record(AuditAction.MARGIN_CHANGED, "sweep " + id, "±" + Numbers.plain(before) + " % → ±"
                + Numbers.plain(marginPct) + " %");
    }

    /**
     * Whether the signed-in user may start, cancel or delete the sweep — its owner or an admin (for the UI; the
     * services check again).
     */
    @Transactional(readOnly = true)
    public boolean mayActOn(long id) {
        return sweeps.findById(id).map(this::mayActOn).orElse(false);
    }

    private boolean mayActOn(Sweep sweep) {
        return SweepOwner.mayAct(sweep, strategy.getIfAvailable());
    }

    /** Every combination of the axis values, the first axis varying slowest. */
    private static List<Map<String, Object>> subset(List<Map<String, Object>> grid, List<Map<String, Object>> only) {
        Map<String, Map<String, Object>> byKey = new LinkedHashMap<>();
        grid.forEach(options -> byKey.put(key(options), options));
        List<Map<String, Object>> chosen = new ArrayList<>();
        for (Map<String, Object> options : only) {
            Map<String, Object> found = byKey.get(key(options));
            if (found == null) {
                throw new SweepValidationException(Map.of("configurations", "The configuration " + options
                        + " is not in the grid of the axes"));
            }
            chosen.add(found);
        }
        if (chosen.isEmpty()) {
            throw new SweepValidationException(Map.of("configurations", "At least one configuration is needed"));
        }
        return chosen;
    }

    /** Options compared by value whatever their number type (a grid holds Integer where JSON gave Long). */
    private static String key(Map<String, Object> options) {
        Map<String, String> sorted = new TreeMap<>();
        options.forEach((option, value) -> sorted.put(option, value instanceof Number n && n.doubleValue()
                == Math.rint(n.doubleValue()) ? Long.toString(n.longValue()) : String.valueOf(value)));
        return sorted.toString();
    }

    static List<Map<String, Object>> expand(Map<String, List<Object>> axes) {
        List<Map<String, Object>> combinations = new ArrayList<>();
        combinations.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : combinations) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> options = new LinkedHashMap<>(partial);
                    options.put(axis.getKey(), value);
                    next.add(options);
                }
            }
            combinations = next;
        }
        return combinations;
    }

    private static String json(Object value) {
        try {
            return value == null ? null : ENVIRONMENT.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every sweep, newest first. Counts come from two grouped queries, not from loading each sweep's grid. */
    @Transactional(readOnly = true)
    public List<SweepSummary> list() {
        Map<Long, Long> configurations = new HashMap<>();
        sweeps.countConfigurationsBySweep().forEach(row -> configurations.put((Long) row[0], (Long) row[1]));
        Map<Long, Long> stored = calls.countsBySweep();
        return sweeps.findAllByOrderByCreatedAtDescIdDesc().stream().map(sweep -> summary(sweep,
                configurations.getOrDefault(sweep.getId(), 0L).intValue(),
                stored.getOrDefault(sweep.getId(), 0L))).toList();
    }

    /**
     * One page of the sweeps list, newest first: only these sweeps are loaded and counted (indexed queries), so a
     * page costs the same with 10 sweeps in the database or 10,000.
     */
    @Transactional(readOnly = true)
    public List<SweepSummary> page(int offset, int limit) {
        List<Long> ids = sweeps.findIdsNewestFirst();
        List<Long> page = ids.subList(Math.min(offset, ids.size()), Math.min(offset + limit, ids.size()));
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Long> configurations = new HashMap<>();
        sweeps.countConfigurationsBySweepIn(page).forEach(row -> configurations.put((Long) row[0], (Long) row[1]));
        Map<Long, Long> stored = calls.countsBySweep(page);
        Map<Long, Sweep> loaded = new HashMap<>();
        sweeps.findAllById(page).forEach(sweep -> loaded.put(sweep.getId(), sweep));
        return page.stream().map(loaded::get).filter(Objects::nonNull).map(sweep -> summary(sweep,
                configurations.getOrDefault(sweep.getId(), 0L).intValue(),
                stored.getOrDefault(sweep.getId(), 0L))).toList();
    }

    /** The definition a sweep was created from (to duplicate it); empty for imported sweeps. */
    @Transactional(readOnly = true)
    public Optional<SweepDefinition> definition(long id) {
        return sweeps.findById(id).map(Sweep::getDefinition).filter(json -> !json.isBlank()).map(json -> {
            try {
                return ENVIRONMENT.readValue(json, SweepDefinition.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("The stored definition of sweep " + id + " is unreadable", e);
            }
        });
    }

    /** The prompt a sweep sends (single-prompt workload); empty for imported sweeps and agent workflows. */
    @Transactional(readOnly = true)
    public Optional<String> prompt(long id) {
        return sweeps.findById(id).map(Sweep::getPrompt);
    }

    @Transactional(readOnly = true)
    public long count() {
        return sweeps.count();
    }

    /** How many sweeps are in this status now. */
    @Transactional(readOnly = true)
    public long count(SweepStatus status) {
        return sweeps.countByStatus(status);
    }

    /**
     * The sweep with its axes and configurations loaded, to read (it stays usable after the transaction); outside
     * this package nothing can change it — changes go through {@link SweepLifecycle}.
     */
    @Transactional(readOnly = true)
    public Optional<Sweep> read(long id) {
        return sweeps.findById(id).map(sweep -> {
            sweep.getAxes().size();
            sweep.getConfigurations().size();
            return sweep;
        });
    }

    /** How many configurations the sweep has. */
    @Transactional(readOnly = true)
    public long configurationCount(long sweepId) {
        return configurations.countBySweepId(sweepId);
    }

    /** The options of the sweep's configurations by configuration id. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Object>> configurationOptions(long sweepId) {
        return optionsById(configurations.findBySweepIdOrderByPosition(sweepId));
    }

    /** The options of these configurations (of any sweep) by configuration id; unknown ids are left out. */
    @Transactional(readOnly = true)
    public Map<Long, Map<String, Object>> configurationOptions(Collection<Long> configurationIds) {
        return configurationIds.isEmpty() ? new HashMap<>()
                : optionsById(configurations.findAllById(new HashSet<>(configurationIds)));
    }

    private static Map<Long, Map<String, Object>> optionsById(Iterable<Configuration> found) {
        Map<Long, Map<String, Object>> options = new HashMap<>();
        found.forEach(c -> options.put(c.getId(), c.getOptions()));
        return options;
    }

    /** The id of the sweep loaded from the bundled example with this key (e.g. chimeraforge:rust), if loaded. */
    @Transactional(readOnly = true)
    public Optional<Long> findExample(String exampleKey) {
        return sweeps.findByExampleKey(exampleKey).map(Sweep::getId);
    }

    @Transactional(readOnly = true)
    public Optional<SweepDetails> find(long id) {
        return sweeps.findById(id).map(sweep -> new SweepDetails(sweep.getId(), sweep.getName(), sweep.getLabel(),
                sweep.getDescription(), sweep.getStatus(), sweep.getStatusMessage(), sweep.getModel(),
                sweep.getEndpointId(), sweep.isImported(), sweep.getSourceFile(), sweep.isSimulated(),
                sweep.getCreatedAt(), sweep.getStartedAt(), sweep.getFinishedAt(),
                progress(sweep, sweep.getConfigurations().size(), callCount(sweep.getId())),
                definition(sweep), sweep.getEnvironment(), environmentValue(sweep, "host"),
                environmentValue(sweep, "ollamaVersion"), environmentValue(sweep, "digest"),
                environmentValue(sweep, "quantization"), endpointNames(sweep),
                sweep.getEquivalenceMarginPct(), sweep.getRunner(),
                sweep.isImported() ? null : PlannedLoads.of(sweep, Math.max(1, sweep.getEndpointIds().size()))));
    }

    private List<String> endpointNames(Sweep sweep) {
        return sweep.getEndpointIds().stream()
                .map(id -> endpoints.findById(id).map(e -> e.name()).orElse("removed endpoint " + id)).toList();
    }

    private static String environmentValue(Sweep sweep, String key) {
        if (sweep.getEnvironment() == null || sweep.getEnvironment().isBlank()) {
            return null;
        }
        try {
            JsonNode value = ENVIRONMENT.readTree(sweep.getEnvironment()).get(key);
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static SweepSummary summary(Sweep sweep, int configurations, long calls) {
        return new SweepSummary(sweep.getId(), sweep.getName(), sweep.getLabel(), sweep.getStatus(), sweep.getModel(),
                sweep.isImported(), sweep.getSourceFile(), sweep.isSimulated(), sweep.getCreatedAt(),
                configurations, progress(sweep, configurations, calls));
    }

    private static SweepDetails.Definition definition(Sweep sweep) {
        List<SweepDetails.AxisDefinition> axes = sweep.getAxes().stream()
                .map(axis -> new SweepDetails.AxisDefinition(axis.getOptionName(), axis.getValues())).toList();
        return new SweepDetails.Definition(sweep.getWorkloadType(), axes, sweep.getFixedOptions(),
                sweep.getBaselineOptions(), sweep.getRepetitions(), sweep.getWarmupTrials(), sweep.isColdStart(),
                sweep.getRunOrder(), sweep.getShuffleSeed(), sweep.getConfigurations().size(),
                sweep.getRace().orElse(null), sweep.getLoad());
    }

    private long callCount(long sweepId) {
        return calls.count(sweepId);
    }

    /**
     * Calls stored (done) out of the calls the plan makes (total). A race plans its worst case (every configuration
     * to the maximum) until it finishes; then what it made is all it makes.
     */
    private static SweepSummary.Progress progress(Sweep sweep, int configurations, long done) {
        long planned = sweep.getWorkloadType().plannedCalls(sweep.getBatchSlots(configurations),
                sweep.getRepetitions(), sweep.getWarmupTrials());
        boolean finishedRace = sweep.getStatus() == SweepStatus.FINISHED && sweep.getRace().isPresent();
        return new SweepSummary.Progress(done, sweep.isImported() || finishedRace ? done : Math.max(planned, done));
    }
}
