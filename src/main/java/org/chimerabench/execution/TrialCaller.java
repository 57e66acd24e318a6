package org.chimerabench.execution;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.Cancellation;
import org.chimerabench.ollama.GenerateRequest;
import org.chimerabench.ollama.LoadOptions;
import org.chimerabench.ollama.LoadedRunner;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.ollama.StreamedCall;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.Load;
import org.chimerabench.sweep.OllamaOption;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.WorkloadType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs the trials of one sweep on one endpoint: the workload of a trial (one call, or analysis then report), each
 * call retried on retryable errors, with {@code /api/ps} read after it. At concurrency 1 {@link #run} stores each call
 * the moment it ends; in a batch {@link #measure} stores nothing and {@link BatchRunner} stores the batch's calls
 * together once its last call ends (§4.1).
 */
final class TrialCaller {

    private static final Logger log = LoggerFactory.getLogger(TrialCaller.class);

    /** The app's meters of stored calls (Micrometer's global registry, which Spring Boot's registry joins). */
    private void count(CallRecord record) {
        Metrics.counter("chimera.calls.stored", "endpoint", endpoint.name(), "status", record.getStatus().label())
                .increment();
        if (record.getE2eMs() != null) {
            Timer.builder("chimera.call.duration").description("client time of one stored call, request to done")
                    .tag("endpoint", endpoint.name()).publishPercentileHistogram().register(Metrics.globalRegistry)
                    .record(Duration.ofNanos((long) (record.getE2eMs() * 1e6)));
        }
    }
    static final String DEFAULT_DATA_SUMMARY = "Total files analyzed: 0";

    private final Sweep sweep;
    private final EndpointView endpoint;
    private final OllamaClient client;
    private final Cancellation cancellation;
    private final TrialRepository trials;
    private final CallRecordRepository calls;
    private final SweepEvents events;
    private final TransactionTemplate tx;
    private final int retries;
    private final RunnerWatch watch;

    TrialCaller(Sweep sweep, EndpointView endpoint, OllamaClient client, Cancellation cancellation,
                TrialRepository trials, CallRecordRepository calls, SweepEvents events, TransactionTemplate tx,
                int retries, RunnerWatch watch) {
        this.watch = watch;
        this.sweep = sweep;
        this.endpoint = endpoint;
        this.client = client;
        this.cancellation = cancellation;
        this.trials = trials;
        this.calls = calls;
        this.events = events;
        this.tx = tx;
        this.retries = retries;
    }

    /** Unloads the model and waits until {@code /api/ps} no longer lists it (cold start of a configuration). */
    void coldStart() {
        unload("Cold start");
    }

    private void unload(String why) {
        watch.forget();
        try {
            client.unloadAndWait(sweep.getModel(), Duration.ofMillis(100), Duration.ofSeconds(30), cancellation);
        } catch (OllamaException e) {
            log.warn("{}: could not unload {} on {}: {}", why, sweep.getModel(), endpoint.name(), e.getMessage());
        }
    }

    /**
     * Before a trial or a batch: puts the model on the runner the trial's arm would load itself (docs/architecture.md
     * §4.2). Ollama reloads by itself when a load-time option changed; where it would keep a runner the arm did not
     * ask for (a baseline after an explicit num_gpu), the model is unloaded first. After a load, one warm-up call
     * (not stored) pays it, unless warm-ups are 0 — then the call or batch that pays it is marked and left out of
     * the figures. A model loaded by someone else with options we do not know is unloaded first.
     */
    void prepare(Trial trial) {
        Map<String, Object> options = options(sweep, trial.getArm(), trial.getConfiguration());
        LoadOptions wanted = LoadOptions.of(options);
        if (!watch.runner().known() && loaded() != null) {
            unload("Unknown runner");
        }
        LoadedRunner.Step step = watch.runner().before(wanted);
        if (step.unloadFirst()) {
            unload("Forced reload");
        }
        watch.runner().ran(wanted, step);
        ReloadReason reason = switch (step) {
            case WARM -> null;
            case FIRST_LOAD -> ReloadReason.FIRST_LOAD;
            case OPTIONS_CHANGED -> ReloadReason.OPTIONS_CHANGED;
            case FORCED -> ReloadReason.FORCED;
        };
        watch.plan(reason);
        if (reason != null && sweep.getWarmupTrials() > 0 && !trial.isWarmup()) {
            warmUpAfterLoad(trial, options);
        }
    }

    /** One throw-away call with the trial's options that pays the load (not stored; counted in the log). */
    private void warmUpAfterLoad(Trial trial, Map<String, Object> options) {
        try {
            client.generate(GenerateRequest.of(sweep.getModel(), stages(prefix(trial)).get(0).prompt(), options),
                    cancellation);
            watch.take();
            watch.seen(loaded());
        } catch (OllamaException e) {
            log.warn("Warm-up after a load on {} failed ({}); the next call pays the load", endpoint.name(),
                    e.getMessage());
        }
    }

    /** Runs the workload of one trial and stores each call as it ends; true when every call succeeded. */
    boolean run(Trial trial) {
        Configuration configuration = trial.getConfiguration();
        Load load = sweep.loadOf(configuration);
        Map<String, Object> options = options(sweep, trial.getArm(), configuration);
        String optionsJson = options == null ? null : OptionsJson.write(options);
        String prefix = prefix(trial);
        List<StagePrompt> stages = stages(prefix);
        // calls left by an interrupted run of this trial (the app died mid-trial) are replaced, never duplicated
        tx.executeWithoutResult(s -> {
            calls.deleteByTrialId(trial.getId());
            trials.findById(trial.getId()).orElseThrow().markRunning();
        });
        events.changed(sweep.getId());
        Boolean ended = attempt(trial, load, options, optionsJson, prefix, stages, true);
        if (ended == null) { // disturbed: once more, on the runner the arm loads
            prepare(trial);
            ended = attempt(trial, load, options, optionsJson, prefix, stages, false);
        }
        return Boolean.TRUE.equals(ended);
    }

    /**
     * One run of the trial's calls, each stored as it ends; null when a call was disturbed and {@code mayRepeat}
     * (that call is stored, listed as disturbed, and the trial is left running to be run again).
     */
    private Boolean attempt(Trial trial, Load load, Map<String, Object> options, String optionsJson, String prefix,
                            List<StagePrompt> stages, boolean mayRepeat) {
        String previousResponse = null;
        for (int i = 0; i < stages.size(); i++) {
            StagePrompt stage = stages.get(i);
            String prompt = stage.prompt() != null ? stage.prompt() : reportPrompt(prefix, previousResponse);
            CallRecord record = call(trial, stage.stage(), prompt, options, optionsJson, true).under(load);
            if (cancellation.isCancelled()) {
                return false;
            }
            boolean ok = record.getStatus() == CallStatus.OK;
            boolean again = mayRepeat && record.getDisturbance() != null;
            boolean last = !ok || again || i == stages.size() - 1;
            tx.executeWithoutResult(s -> { // the trial's last call and its DONE/FAILED mark commit together
                Trial managed = trials.findById(trial.getId()).orElseThrow();
                calls.save(record.rebind(managed));
                if (last && !again) {
                    managed.markFinished(ok);
                }
            });
            events.changed(sweep.getId());
            count(record);
            if (again) {
                log.info("Sweep {}: a call of trial {} was disturbed ({}); running the trial once more",
                        sweep.getId(), trial.getId(), record.getDisturbance());
                return null;
            }
            if (last) {
                return ok;
            }
            previousResponse = record.getResponseText();
        }
        return true;
    }

    /**
     * Runs the workload of one trial of a batch without storing anything (the batch stores all its calls at once):
     * its calls in order, stopping at the first that fails.
     */
    List<CallRecord> measure(Trial trial, Load load) {
        Map<String, Object> options = options(sweep, trial.getArm(), trial.getConfiguration());
        String optionsJson = options == null ? null : OptionsJson.write(options);
        String prefix = prefix(trial);
        List<CallRecord> records = new ArrayList<>();
        String previousResponse = null;
        for (StagePrompt stage : stages(prefix)) {
            String prompt = stage.prompt() != null ? stage.prompt() : reportPrompt(prefix, previousResponse);
            // no /api/ps before a batch's call: it would delay the call off its start or arrival time (the done
            // line's load_duration still says whether the model was loaded)
            CallRecord record = call(trial, stage.stage(), prompt, options, optionsJson, false).under(load);
            if (cancellation.isCancelled()) {
                return records;
            }
            records.add(record);
            if (record.getStatus() != CallStatus.OK) {
                return records;
            }
            previousResponse = record.getResponseText();
        }
        return records;
    }

    private String prefix(Trial trial) {
        return sweep.isPromptVariation() ? "[run " + trial.getId() + "] " : "";
    }

    private List<StagePrompt> stages(String prefix) {
        List<StagePrompt> stages = new ArrayList<>();
        if (sweep.getWorkloadType() == WorkloadType.AGENT_WORKFLOW) {
            String summary = sweep.getPrompt() == null || sweep.getPrompt().isBlank() ? DEFAULT_DATA_SUMMARY
                    : sweep.getPrompt();
            stages.add(new StagePrompt(Stage.ANALYSIS, prefix + "Analyze this benchmark data and list the key findings:\n"
                    + summary));
            stages.add(new StagePrompt(Stage.REPORT, null));
        } else {
            stages.add(new StagePrompt(null, prefix + sweep.getPrompt()));
        }
        return stages;
    }

    private static String reportPrompt(String prefix, String analysis) {
        return prefix + "Write a technical report of 800 to 1000 words from this analysis:\n" + analysis;
    }

    /** One call with its retries; {@code precheck}: ask /api/ps first whether the model is loaded (cold flag). */
    private CallRecord call(Trial trial, Stage stage, String prompt, Map<String, Object> options,
                            String optionsJson, boolean precheck) {
        OllamaException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (cancellation.isCancelled()) {
                break;
            }
            try {
                LoadedModel before = precheck ? loaded() : null;
                boolean loadedBefore = !precheck || before != null;
                String moved = precheck ? watch.movedBefore(before) : null;
                StreamedCall call = client.generate(GenerateRequest.of(sweep.getModel(), prompt, options),
                        cancellation);
                LoadedModel after = loaded();
                CallRecord record = CallRecord.measured(trial, sweep.getId(), stage, endpoint.name(), optionsJson,
                        call, call.loadedModel() || !loadedBefore, after == null ? null : after.sizeBytes(),
                        after == null ? null : after.sizeVramBytes())
                        .withContextLength(after == null ? null : after.contextLength());
                if (precheck) { // a batch's calls are judged together when the batch ends (BatchRunner)
                    watch.ended(record, moved, before, after);
                }
                return record;
            } catch (OllamaException e) {
                last = e;
                if (e.kind() == OllamaException.Kind.CANCELLED || !e.retryable()) {
                    break;
                }
                sleep(Duration.ofMillis(200L * (attempt + 1)));
            }
        }
        return CallRecord.failed(trial, sweep.getId(), stage, endpoint.name(), optionsJson,
                last == null ? "cancelled" : last.getMessage());
    }

    /** BASELINE: the baseline options (none = Ollama defaults); CHIMERA: configuration + fixed options; num_predict cap. */
    static Map<String, Object> options(Sweep sweep, Arm arm, Configuration configuration) {
        Map<String, Object> options = new LinkedHashMap<>();
        if (arm == Arm.BASELINE) {
            options.putAll(sweep.getBaselineOptions());
        } else {
            options.putAll(OllamaOption.withoutLoad(configuration.getOptions())); // the load is how calls are sent
            sweep.getFixedOptions().forEach(options::putIfAbsent);
        }
        if (sweep.getMaxTokens() != null) {
            options.put("num_predict", sweep.getMaxTokens());
        }
        return options.isEmpty() ? null : options;
    }

    private LoadedModel loaded() {
        try {
            return client.loaded(sweep.getModel(), cancellation).orElse(null); // Cancel aborts it at once
        } catch (OllamaException e) {
            return null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One call of a trial: its stage (null for a single prompt) and its prompt (null: built from the analysis). */
    private record StagePrompt(Stage stage, String prompt) {
    }
}
