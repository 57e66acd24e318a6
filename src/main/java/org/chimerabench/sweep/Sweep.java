package org.chimerabench.sweep;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chimerabench.base.OptionsJson;

/** One experiment: model, workload, axes, configurations, repetitions, status. */
@Entity
@Table(name = "sweep")
public class Sweep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String name;
    private String label;
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SweepStatus status;
    @Column(name = "status_message")
    private String statusMessage;

    private String model;
    @Column(name = "endpoint_id")
    private Long endpointId;

    /** Every endpoint the sweep runs on (a fleet when more than one), as named; the first is {@code endpointId}. */
    @jakarta.persistence.ElementCollection(fetch = FetchType.EAGER)
    @jakarta.persistence.CollectionTable(name = "sweep_endpoint",
            joinColumns = @jakarta.persistence.JoinColumn(name = "sweep_id"))
    @jakarta.persistence.OrderColumn(name = "position")
    @Column(name = "endpoint_id")
    private List<Long> endpointIds = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "workload_type", nullable = false)
    private WorkloadType workloadType;
    @Lob
    private String prompt;

    @Column(name = "fixed_options", nullable = false)
    private String fixedOptions = "{}";
    @Column(name = "baseline_options")
    private String baselineOptions;

    @Column(nullable = false)
    private int repetitions = 1;
    @Column(name = "warmup_trials", nullable = false)
    private int warmupTrials;
    @Column(name = "cold_start", nullable = false)
    private boolean coldStart;
    @Enumerated(EnumType.STRING)
    @Column(name = "run_order", nullable = false)
    private RunOrder runOrder = RunOrder.AS_DEFINED;
    @Column(name = "shuffle_seed")
    private Long shuffleSeed;
    @Column(name = "prompt_variation", nullable = false)
    private boolean promptVariation;
    @Column(name = "max_tokens")
    private Integer maxTokens;
    private String timeouts;
    /** The race settings as JSON; null = a fixed sweep. */
    private String race;
    /** The sweep's load (docs/architecture.md §4.1); a configuration's load axis value overrides it. */
    @Column(nullable = false)
    private int concurrency = 1;
    @Column(name = "request_rate")
    private Double requestRate;
    /** Σ of the configurations' batch sizes (the planned calls scale with it); null before loads existed. */
    @Column(name = "batch_slots")
    private Long batchSlots;
    @Lob
    private String definition;
    @Lob
    private String environment;

    @Column(nullable = false)
    private boolean imported;
    @Column(name = "source_file")
    private String sourceFile;
    @Column(name = "example_key")
    private String exampleKey;
    @Column(name = "created_by")
    private String createdBy;
    @Column(nullable = false)
    private boolean simulated;
    @Column(name = "runner")
    private String runner;
    @Column(name = "equivalence_margin_pct", nullable = false)
    private double equivalenceMarginPct = DEFAULT_EQUIVALENCE_MARGIN_PCT;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "started_at")
    private OffsetDateTime startedAt;
    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    @OneToMany(mappedBy = "sweep", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<SweepAxis> axes = new ArrayList<>();

    @OneToMany(mappedBy = "sweep", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Configuration> configurations = new ArrayList<>();

    /** The equivalence margin a sweep starts with, imported ones included: ±1 %. */
    public static final double DEFAULT_EQUIVALENCE_MARGIN_PCT = 1.0;
    /** The largest margin accepted: beyond ±50 % "no practical difference" would mean nothing. */
    public static final double MAX_EQUIVALENCE_MARGIN_PCT = 50.0;

    protected Sweep() {
    }

    /** A sweep imported from a results file: complete, one workload of unknown shape. */
    static Sweep imported(String name, String label, String sourceFile) {
        Sweep sweep = new Sweep();
        sweep.name = name;
        sweep.label = label;
        sweep.status = SweepStatus.IMPORTED;
        sweep.workloadType = WorkloadType.IMPORTED;
        sweep.imported = true;
        sweep.sourceFile = sourceFile;
        sweep.finishedAt = sweep.createdAt;
        return sweep;
    }

    /** A sweep defined to be run: DRAFT until started. */
    static Sweep defined(String name, String description, String model, List<Long> endpointIds,
                                WorkloadType workload, String prompt, boolean simulated) {
        Sweep sweep = new Sweep();
        sweep.endpointIds.addAll(endpointIds);
        sweep.name = name;
        sweep.description = description;
        sweep.model = model;
        sweep.endpointId = endpointIds.get(0);
        sweep.status = SweepStatus.DRAFT;
        sweep.workloadType = workload;
        sweep.prompt = prompt;
        sweep.simulated = simulated;
        return sweep;
    }

    /** How the sweep runs: repetitions, warm-ups, cold starts, order, prompt variation, token cap, timeouts. */
    void plan(RunPlan plan, String timeoutsJson) {
        this.repetitions = plan.repetitions();
        this.warmupTrials = plan.warmups();
        this.coldStart = plan.coldStart();
        this.runOrder = plan.order();
        this.shuffleSeed = plan.shuffleSeed();
        this.promptVariation = plan.promptVariation();
        this.maxTokens = plan.maxTokens();
        this.timeouts = timeoutsJson;
        this.concurrency = plan.load().concurrency();
        this.requestRate = plan.load().requestRate();
        this.race = plan.race() == null ? null : OptionsJson.write(Map.of("objective", plan.race().objective().name(),
                "minRepetitions", plan.race().minRepetitions(), "maxRepetitions", plan.race().maxRepetitions(),
                "targetCiHalfWidthPct", plan.race().targetCiHalfWidthPct(), "eliminate", plan.race().eliminate(),
                "confidence", plan.race().confidence()));
    }

    /** The sweep's own load (one call at a time unless set); see {@link #loadOf}. */
    public Load getLoad() {
        return new Load(concurrency, requestRate);
    }

    /** The load a configuration of this sweep runs under: its load axis value, else the sweep's. */
    public Load loadOf(Configuration configuration) {
        return Load.of(getLoad(), configuration.getOptions());
    }

    /** Σ of the configurations' batch sizes; {@code configurations} for a sweep from before loads existed. */
    public long getBatchSlots(long configurations) {
        return batchSlots == null ? configurations : batchSlots;
    }

    void setBatchSlots(long slots) {
        this.batchSlots = slots;
    }

    /** The race settings of an adaptive sweep; empty for a fixed one. */
    public java.util.Optional<RacePlan> getRace() {
        if (race == null) {
            return java.util.Optional.empty();
        }
        Map<String, Object> r = OptionsJson.read(race);
        return java.util.Optional.of(new RacePlan(RaceObjective.valueOf((String) r.get("objective")),
                ((Number) r.get("minRepetitions")).intValue(), ((Number) r.get("maxRepetitions")).intValue(),
                ((Number) r.get("targetCiHalfWidthPct")).doubleValue(), (Boolean) r.get("eliminate"),
                ((Number) r.get("confidence")).doubleValue()));
    }

    void setBaselineOptions(Map<String, Object> options) {
        this.baselineOptions = options == null || options.isEmpty() ? null : OptionsJson.write(options);
    }

    void setDefinition(String definitionJson) {
        this.definition = definitionJson;
    }

    public String getDefinition() {
        return definition;
    }

    public String getPrompt() {
        return prompt;
    }

    public String getTimeouts() {
        return timeouts;
    }

    public Integer getMaxTokens() {
        return maxTokens;
    }

    public Long getShuffleSeed() {
        return shuffleSeed;
    }

    public boolean isPromptVariation() {
        return promptVariation;
    }

    /** DRAFT → QUEUED: handed to the background runner. */
    void queue() {
        moveTo(SweepStatus.QUEUED, null, "only a draft sweep can be started");
    }

    /** QUEUED → RUNNING, or RUNNING again when the runner resumes it after a restart. */
    void begin() {
        moveTo(SweepStatus.RUNNING, null, "only a queued or running sweep can run");
    }

    /** QUEUED/RUNNING → RUNNING on the app instance {@code runner} ("host · pid 1234"), kept after it ends. */
    void begin(String runner) {
        begin();
        this.runner = runner == null || runner.length() <= 200 ? runner : runner.substring(0, 200);
    }

    public String getRunner() {
        return runner;
    }

    /** QUEUED or RUNNING → CANCELLED; the calls stored so far are kept. */
    void cancel(String message) {
        moveTo(SweepStatus.CANCELLED, message, "only a queued or running sweep can be cancelled");
    }

    /** RUNNING → FINISHED: every trial of the plan ran ({@code message}: e.g. how many trials failed, or null). */
    void finish(String message) {
        moveTo(SweepStatus.FINISHED, message, "only a running sweep can finish");
    }

    /** QUEUED or RUNNING → FAILED, with the reason. */
    void fail(String message) {
        moveTo(SweepStatus.FAILED, message, "only a queued or running sweep can fail");
    }

    /** Ends an active sweep as FINISHED, FAILED or CANCELLED. */
    void end(SweepStatus outcome, String message) {
        switch (outcome) {
            case FINISHED -> finish(message);
            case FAILED -> fail(message);
            case CANCELLED -> cancel(message);
            default -> throw new IllegalArgumentException(outcome + " is not how a sweep ends");
        }
    }

    private void moveTo(SweepStatus next, String message, String rule) {
        if (!status.canMoveTo(next)) {
            throw new SweepStateException("Sweep " + id + " is " + status.label() + "; " + rule + ".");
        }
        this.status = next;
        this.statusMessage = message == null || message.length() <= 2000 ? message : message.substring(0, 1999) + "…";
        if (next == SweepStatus.RUNNING && startedAt == null) {
            startedAt = OffsetDateTime.now();
        }
        if (SweepStatus.ends().contains(next)) {
            finishedAt = OffsetDateTime.now();
        }
    }

    /** Who created or imported the sweep; null for sweeps from before owners were recorded. */
    public String getCreatedBy() {
        return createdBy;
    }

    void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    /** The key of the bundled example this sweep was loaded from (e.g. chimeraforge:rust); null otherwise. */
    public String getExampleKey() {
        return exampleKey;
    }

    /** Marks an imported sweep as loaded from a bundled example (so loading it again finds it), and names it. */
    void markExample(String key, String name, String description) {
        if (!imported) {
            throw new SweepStateException("Sweep " + id + " was measured here; only imported sweeps are examples.");
        }
        this.exampleKey = key;
        this.name = name;
        this.description = description;
    }

    SweepAxis addAxis(String optionName, List<Object> values) {
        SweepAxis axis = new SweepAxis(this, axes.size(), optionName, values);
        axes.add(axis);
        return axis;
    }

    Configuration addConfiguration(Map<String, Object> options) {
        Configuration configuration = new Configuration(this, configurations.size(), options);
        configurations.add(configuration);
        return configuration;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getLabel() {
        return label;
    }

    void setLabel(String label) {
        this.label = label;
    }

    public String getDescription() {
        return description;
    }

    void setDescription(String description) {
        this.description = description;
    }

    public SweepStatus getStatus() {
        return status;
    }

    public String getStatusMessage() {
        return statusMessage;
    }

    public String getModel() {
        return model;
    }

    void setModel(String model) {
        this.model = model;
    }

    /** The endpoints the sweep runs on; for sweeps stored before fleets existed, the one endpoint. */
    public List<Long> getEndpointIds() {
        if (endpointIds.isEmpty() && endpointId != null) {
            return List.of(endpointId);
        }
        return endpointIds.stream().filter(Objects::nonNull).toList(); // gaps: removed endpoints
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public WorkloadType getWorkloadType() {
        return workloadType;
    }

    public Map<String, Object> getFixedOptions() {
        return OptionsJson.read(fixedOptions);
    }

    void setFixedOptions(Map<String, Object> options) {
        this.fixedOptions = OptionsJson.write(options);
    }

    /** Options of the BASELINE arm; empty = Ollama defaults (no options sent). */
    public Map<String, Object> getBaselineOptions() {
        return OptionsJson.read(baselineOptions);
    }

    public int getRepetitions() {
        return repetitions;
    }

    void setRepetitions(int repetitions) {
        this.repetitions = repetitions;
    }

    public int getWarmupTrials() {
        return warmupTrials;
    }

    public boolean isColdStart() {
        return coldStart;
    }

    public RunOrder getRunOrder() {
        return runOrder;
    }

    public String getEnvironment() {
        return environment;
    }

    void setEnvironment(String environment) {
        this.environment = environment;
    }

    public boolean isImported() {
        return imported;
    }

    public String getSourceFile() {
        return sourceFile;
    }

    void setSourceFile(String sourceFile) {
        this.sourceFile = sourceFile;
    }

    public boolean isSimulated() {
        return simulated;
    }

    public double getEquivalenceMarginPct() {
        return equivalenceMarginPct;
    }

    /**
     * @throws SweepValidationException unless 0 &lt; margin ≤ {@link #MAX_EQUIVALENCE_MARGIN_PCT}
     */
    void setEquivalenceMarginPct(double marginPct) {
        if (!(marginPct > 0 && marginPct <= MAX_EQUIVALENCE_MARGIN_PCT)) {
            throw new SweepValidationException(Map.of("equivalenceMarginPct", "The equivalence margin must be more than 0 %"
                    + " and at most " + (int) MAX_EQUIVALENCE_MARGIN_PCT + " %"));
        }
        this.equivalenceMarginPct = marginPct;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getFinishedAt() {
        return finishedAt;
    }

    public List<SweepAxis> getAxes() {
        return axes;
    }

    public List<Configuration> getConfigurations() {
        return configurations;
    }
}
