package org.chimerabench.execution;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.Cancellation;
import org.chimerabench.ollama.GenerateRequest;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.ModelInfo;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.ollama.StreamedCall;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepRepository;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.sweep.WorkloadType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one sweep (the body of the background job): captures the environment, creates the plan once, then runs
 * every trial not finished yet — so a restarted job resumes at the first unfinished trial and never repeats a
 * finished one. Each call is stored in its own short transaction the moment it ends, with {@code /api/ps} read
 * after it. One sweep at a time per endpoint. Cancellation is checked between calls; a running call is aborted.
 */
@Component
class SweepRunner {

    private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String DEFAULT_DATA_SUMMARY = "Total files analyzed: 0";

    private final SweepRepository sweeps;
    private final TrialRepository trials;
    private final CallRecordRepository calls;
    private final EndpointService endpoints;
    private final SweepEvents events;
    private final TransactionTemplate tx;
    private final int retries;
    private final double maxFailureRate;
    private final Map<Long, ReentrantLock> endpointLocks = new ConcurrentHashMap<>();
    private final Map<Long, Cancellation> running = new ConcurrentHashMap<>();

    SweepRunner(SweepRepository sweeps, TrialRepository trials, CallRecordRepository calls, EndpointService endpoints,
                SweepEvents events, TransactionTemplate tx, @Value("${chimera.execution.retries:2}") int retries,
                @Value("${chimera.execution.max-failure-rate:0.5}") double maxFailureRate) {
        this.sweeps = sweeps;
        this.trials = trials;
        this.calls = calls;
        this.endpoints = endpoints;
        this.events = events;
        this.tx = tx;
        this.retries = retries;
        this.maxFailureRate = maxFailureRate;
    }

    /** Aborts the running call of the sweep, if any (the status was already set to CANCELLED). */
    void abort(long sweepId) {
        Cancellation cancellation = running.get(sweepId);
        if (cancellation != null) {
            cancellation.cancel();
        }
    }

    void run(long sweepId) {
        Sweep sweep = tx.execute(s -> sweeps.findById(sweepId).orElse(null));
        if (sweep == null || (sweep.getStatus() != SweepStatus.QUEUED && sweep.getStatus() != SweepStatus.RUNNING)) {
            return;
        }
        EndpointView endpoint = endpoints.findById(sweep.getEndpointId()).orElse(null);
        if (endpoint == null) {
            finish(sweepId, SweepStatus.FAILED, "The sweep's endpoint was removed.");
            return;
        }
        ReentrantLock lock = endpointLocks.computeIfAbsent(endpoint.id(), id -> new ReentrantLock(true));
        lock.lock(); // one sweep at a time per endpoint; others stay QUEUED
        Cancellation cancellation = new Cancellation();
        running.put(sweepId, cancellation);
        try (OllamaClient client = new OllamaClient(endpoint.baseUrl(), timeouts(sweep))) {
            if (!begin(sweepId, client, endpoint)) {
                return;
            }
            runPlan(sweepId, client, endpoint, cancellation);
        } catch (RuntimeException e) {
            log.error("Sweep {} stopped by an unexpected error", sweepId, e);
            finish(sweepId, SweepStatus.FAILED, "Stopped by an unexpected error: " + e.getMessage());
        } finally {
            running.remove(sweepId);
            lock.unlock();
        }
    }

    /** RUNNING, environment captured, plan created (first run only). False when the sweep was cancelled meanwhile. */
    private boolean begin(long sweepId, OllamaClient client, EndpointView endpoint) {
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("endpoint", endpoint.name());
        environment.put("host", endpoint.baseUrl());
        environment.put("simulated", endpoint.simulated());
        try {
            environment.put("ollamaVersion", client.version());
            Sweep sweep = tx.execute(s -> sweeps.findById(sweepId).orElseThrow());
            ModelInfo model = client.show(sweep.getModel());
            environment.put("digest", model.digest());
            environment.put("quantization", model.quantization());
            environment.put("family", model.family());
            environment.put("parameterSize", model.parameterSize());
            environment.put("layers", model.blockCount());
        } catch (OllamaException e) {
            environment.put("captureError", e.getMessage());
        }
        boolean begun = Boolean.TRUE.equals(tx.execute(s -> {
            Sweep sweep = sweeps.findById(sweepId).orElseThrow();
            if (sweep.getStatus() != SweepStatus.QUEUED && sweep.getStatus() != SweepStatus.RUNNING) {
                return false;
            }
            if (sweep.getEnvironment() == null) {
                sweep.setEnvironment(write(environment));
            }
            sweep.changeStatus(SweepStatus.RUNNING, null);
            if (trials.findPlan(sweepId).isEmpty()) {
                List<Configuration> configurations = sweep.getConfigurations();
                Long seed = "SHUFFLED".equals(sweep.getRunOrder()) ? sweep.getShuffleSeed() : null;
                int position = 0;
                for (ExecutionPlan.Item item : ExecutionPlan.of(configurations.size(), sweep.getRepetitions(),
                        sweep.getWarmupTrials(), seed)) {
                    trials.save(Trial.planned(configurations.get(item.configuration()), item.arm(), item.repetition(),
                            item.warmup(), position++));
                }
            }
            return true;
        }));
        events.changed(sweepId);
        return begun;
    }

    private void runPlan(long sweepId, OllamaClient client, EndpointView endpoint, Cancellation cancellation) {
        Sweep sweep = tx.execute(s -> {
            Sweep loaded = sweeps.findById(sweepId).orElseThrow();
            loaded.getConfigurations().size();
            return loaded;
        });
        List<Trial> plan = tx.execute(s -> trials.findPlan(sweepId));
        Long lastConfiguration = null;
        int attempted = 0;
        int failed = 0;
        for (Trial trial : plan) {
            if (trial.getStatus() == TrialStatus.DONE || trial.getStatus() == TrialStatus.FAILED) {
                lastConfiguration = trial.getConfiguration().getId();
                continue;
            }
            if (stopped(sweepId) || cancellation.isCancelled()) {
                return;
            }
            Configuration configuration = trial.getConfiguration();
            if (sweep.isColdStart() && !configuration.getId().equals(lastConfiguration)) {
                coldStart(client, sweep.getModel());
            }
            lastConfiguration = configuration.getId();
            boolean ok = runTrial(sweep, trial, configuration, client, endpoint, cancellation);
            if (cancellation.isCancelled()) {
                return;
            }
            attempted++;
            if (!ok) {
                failed++;
            }
            if (attempted >= 4 && failed > maxFailureRate * attempted) {
                finish(sweepId, SweepStatus.FAILED, failed + " of " + attempted + " trials failed (more than "
                        + Math.round(maxFailureRate * 100) + " %); last reason: " + lastError(sweepId));
                return;
            }
        }
        finish(sweepId, SweepStatus.FINISHED, failed == 0 ? null : failed + " trial(s) failed and are excluded");
    }

    /** Runs the workload of one trial (1 call, or analysis then report) and stores each call as it ends. */
    private boolean runTrial(Sweep sweep, Trial trial, Configuration configuration, OllamaClient client,
                             EndpointView endpoint, Cancellation cancellation) {
        Map<String, Object> options = options(sweep, trial.getArm(), configuration);
        String optionsJson = options == null ? null : OptionsJson.write(options);
        String prefix = sweep.isPromptVariation() ? "[run " + trial.getId() + "] " : "";
        List<String[]> stages = new ArrayList<>();
        if (sweep.getWorkloadType() == WorkloadType.AGENT_WORKFLOW) {
            String summary = sweep.getPrompt() == null || sweep.getPrompt().isBlank() ? DEFAULT_DATA_SUMMARY
                    : sweep.getPrompt();
            stages.add(new String[] {"analysis", prefix + "Analyze this benchmark data and list the key findings:\n"
                    + summary});
            stages.add(new String[] {"report", null});
        } else {
            stages.add(new String[] {null, prefix + sweep.getPrompt()});
        }
        // calls left by an interrupted run of this trial (the app died mid-trial) are replaced, never duplicated
        tx.executeWithoutResult(s -> {
            calls.deleteByTrialId(trial.getId());
            trials.findById(trial.getId()).orElseThrow().markRunning();
        });
        events.changed(sweep.getId());
        String previousResponse = null;
        for (int i = 0; i < stages.size(); i++) {
            String[] stage = stages.get(i);
            String prompt = stage[1] != null ? stage[1] : prefix + "Write a technical report of 800 to 1000 words"
                    + " from this analysis:\n" + previousResponse;
            CallRecord record = call(sweep, trial, stage[0], prompt, options, optionsJson, client, endpoint,
                    cancellation);
            if (cancellation.isCancelled()) {
                return false;
            }
            boolean ok = record.getStatus() == CallStatus.OK;
            boolean last = !ok || i == stages.size() - 1;
            tx.executeWithoutResult(s -> { // the trial's last call and its DONE/FAILED mark commit together
                Trial managed = trials.findById(trial.getId()).orElseThrow();
                calls.save(record.rebind(managed));
                if (last) {
                    managed.markFinished(ok);
                }
            });
            events.changed(sweep.getId());
            if (last) {
                return ok;
            }
            previousResponse = record.getResponseText();
        }
        return true;
    }

    private CallRecord call(Sweep sweep, Trial trial, String stage, String prompt, Map<String, Object> options,
                            String optionsJson, OllamaClient client, EndpointView endpoint,
                            Cancellation cancellation) {
        OllamaException last = null;
        for (int attempt = 0; attempt <= retries; attempt++) {
            if (cancellation.isCancelled()) {
                break;
            }
            try {
                boolean loadedBefore = loaded(client, sweep.getModel()) != null;
                StreamedCall call = client.generate(GenerateRequest.of(sweep.getModel(), prompt, options),
                        cancellation);
                LoadedModel after = loaded(client, sweep.getModel());
                return CallRecord.measured(trial, sweep.getId(), stage, endpoint.name(), optionsJson, call,
                        call.loadedModel() || !loadedBefore, after == null ? null : after.sizeBytes(),
                        after == null ? null : after.sizeVramBytes());
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
            options.putAll(configuration.getOptions());
            sweep.getFixedOptions().forEach(options::putIfAbsent);
        }
        if (sweep.getMaxTokens() != null) {
            options.put("num_predict", sweep.getMaxTokens());
        }
        return options.isEmpty() ? null : options;
    }

    private static LoadedModel loaded(OllamaClient client, String model) {
        try {
            return client.ps().stream().filter(m -> m.name().equals(model) || m.model().equals(model)
                    || m.name().equals(model + ":latest")).findFirst().orElse(null);
        } catch (OllamaException e) {
            return null;
        }
    }

    private static void coldStart(OllamaClient client, String model) {
        try {
            client.unloadAndWait(model, Duration.ofMillis(100), Duration.ofSeconds(30));
        } catch (OllamaException e) {
            log.warn("Cold start: could not unload {}: {}", model, e.getMessage());
        }
    }

    private boolean stopped(long sweepId) {
        SweepStatus status = tx.execute(s -> sweeps.findById(sweepId).orElseThrow().getStatus());
        return status != SweepStatus.RUNNING;
    }

    private String lastError(long sweepId) {
        return calls.findLastFailure(sweepId).map(CallRecord::getError).orElse("unknown");
    }

    private void finish(long sweepId, SweepStatus status, String message) {
        tx.executeWithoutResult(s -> sweeps.findById(sweepId).ifPresent(sweep -> {
            if (sweep.getStatus() == SweepStatus.RUNNING || sweep.getStatus() == SweepStatus.QUEUED) {
                sweep.changeStatus(status, message);
            }
        }));
        events.changed(sweepId);
    }

    private static OllamaTimeouts timeouts(Sweep sweep) {
        OllamaTimeouts timeouts = OllamaTimeouts.DEFAULT;
        if (sweep.getTimeouts() == null) {
            return timeouts;
        }
        try {
            var node = JSON.readTree(sweep.getTimeouts());
            if (node.hasNonNull("connectSeconds")) {
                timeouts = timeouts.withConnect(Duration.ofSeconds(node.get("connectSeconds").asLong()));
            }
            if (node.hasNonNull("firstTokenSeconds")) {
                timeouts = timeouts.withFirstToken(Duration.ofSeconds(node.get("firstTokenSeconds").asLong()));
            }
            if (node.hasNonNull("idleSeconds")) {
                timeouts = timeouts.withIdle(Duration.ofSeconds(node.get("idleSeconds").asLong()));
            }
            if (node.hasNonNull("totalSeconds")) {
                timeouts = timeouts.withTotal(Duration.ofSeconds(node.get("totalSeconds").asLong()));
            }
        } catch (java.io.IOException e) {
            log.warn("Unreadable timeouts of a sweep: {}", sweep.getTimeouts());
        }
        return timeouts;
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
