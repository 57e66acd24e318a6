package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.ollama.Cancellation;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.RacePlan;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.notify.Notice;
import org.chimerabench.notify.NoticeKind;
import org.chimerabench.notify.Notifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one sweep (the body of the background job): captures the environment, creates the plan once — each
 * configuration assigned to one endpoint of the fleet, round robin — then runs every trial not finished yet, one
 * worker per endpoint in parallel; a worker runs one batch at a time: one call at concurrency 1, N calls in flight at
 * concurrency N or at a request rate (§4.1). A restarted job therefore resumes at the first unfinished trial and never
 * repeats a finished one. One sweep at a time per endpoint: a sweep waits QUEUED until all its endpoints are free.
 * Cancellation is checked between batches; running calls are aborted. Every change of the sweep goes through the
 * sweep feature's door ({@link SweepLifecycle}); the plan and the calls are execution's own tables.
 */
@Component
class SweepRunner {

    private static final Logger log = LoggerFactory.getLogger(SweepRunner.class);
    private final SweepLifecycle lifecycle;
    private final SweepService sweeps;
    private final TrialRepository trials;
    private final CallRecordRepository calls;
    private final EndpointService endpoints;
    private final SweepEvents events;
    private final RaceReferee referee;
    private final Notifier notifier;
    private final TransactionTemplate tx;
    private final int retries;
    private final double maxFailureRate;
    private final Map<Long, SweepRun> running = new ConcurrentHashMap<>();

    SweepRunner(SweepLifecycle lifecycle, SweepService sweeps, TrialRepository trials, CallRecordRepository calls, EndpointService endpoints,
                SweepEvents events, RaceReferee referee, Notifier notifier, TransactionTemplate tx, @Value("${chimera.execution.retries:2}") int retries,
                @Value("${chimera.execution.max-failure-rate:0.5}") double maxFailureRate) {
        this.lifecycle = lifecycle;
        this.sweeps = sweeps;
        this.trials = trials;
        this.calls = calls;
        this.endpoints = endpoints;
        this.events = events;
        this.referee = referee;
        this.notifier = notifier;
        this.tx = tx;
        this.retries = retries;
        this.maxFailureRate = maxFailureRate;
    }

    /** Aborts the running calls of the sweep, if any (the status was already set to CANCELLED). */
    void abort(long sweepId) {
        SweepRun run = running.get(sweepId);
        if (run != null) {
            run.stop();
        }
    }

    /** This app instance, as the sweeps it runs name it: "host · pid 1234". */
    static final String RUNNER = runner();

    private static String runner() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            host = "unknown host";
        }
        return host + " · pid " + ProcessHandle.current().pid();
    }

    /** Set when the app stops: running sweeps stop after their current trial and are handed back. */
    private volatile boolean stopping;

    /**
     * The app is stopping (SIGTERM, a rolling restart): every running sweep stops taking trials — the calls in
     * flight are aborted, and their unfinished trial is not stored, so it is run again — and its job is handed back
     * to the scheduler ({@link HandedBack}) instead of being marked done, so this instance after a restart, or
     * another instance, resumes it. Runs at the start of the context's close, before the scheduler stops.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void stopping() {
        stopping = true;
        running.values().forEach(SweepRun::stop);
    }

    /** A sweep whose run was interrupted by the app stopping: its job must run again, not count as done. */
    static final class HandedBack extends RuntimeException {
        HandedBack(long sweepId) {
            super("sweep " + sweepId + " handed back: the app is stopping", null, false, false);
        }
    }

    /** How a run of the job ended: the sweep is done with (finished, failed, cancelled), or must wait. */
    enum Outcome { DONE, ENDPOINTS_BUSY }

    Outcome run(long sweepId) {
        try {
            return runSweep(sweepId);
        } catch (HandedBack handedBack) {
            log.info("Sweep {} stops with the app; its job runs again after the restart or on another instance",
                    sweepId);
            throw handedBack;
        } catch (RuntimeException e) { // never leave a sweep QUEUED or RUNNING behind a failed job
            log.error("Sweep {} could not run", sweepId, e);
            finish(sweepId, SweepStatus.FAILED, "Stopped by an unexpected error: " + e.getMessage());
            return Outcome.DONE;
        }
    }

    private Outcome runSweep(long sweepId) {
        if (stopping) { // picked again by this instance's scheduler while it stops: leave it to the next instance
            throw new HandedBack(sweepId);
        }
        Sweep sweep = sweeps.read(sweepId).orElse(null);
        if (sweep == null || !sweep.getStatus().active()) {
            return Outcome.DONE;
        }
        List<EndpointView> fleet = new ArrayList<>();
        for (Long endpointId : sweep.getEndpointIds()) {
            Optional<EndpointView> endpoint = endpoints.findById(endpointId);
            if (endpoint.isEmpty()) {
                finish(sweepId, SweepStatus.FAILED, "An endpoint of the sweep was removed.");
                return Outcome.DONE;
            }
            Optional<String> refused = endpoints.refusal(endpoint.get());
            if (refused.isPresent()) {
                finish(sweepId, SweepStatus.FAILED, "Endpoint " + endpoint.get().name() + " is refused: "
                        + refused.get());
                return Outcome.DONE;
            }
            fleet.add(endpoint.get());
        }
        if (fleet.isEmpty()) {
            finish(sweepId, SweepStatus.FAILED, "The sweep's endpoints were removed.");
            return Outcome.DONE;
        }
        // one sweep at a time per endpoint, across every instance on the database: begin() claims the endpoints
        Outcome claimed = begin(sweepId, fleet);
        if (claimed != null) {
            return claimed;
        }
        SweepRun run = new SweepRun();
        running.put(sweepId, run);
        try {
            Optional<RacePlan> race = sweep.getRace();
            if (race.isPresent()) {
                runRace(sweepId, fleet, run, race.get());
            } else {
                runOnFleet(sweepId, fleet, run, trial -> true);
            }
            if (stopping) {
                throw new HandedBack(sweepId);
            }
            if (!run.stopped()) {
                finish(sweepId, SweepStatus.FINISHED, run.failed() == 0 ? null
                        : run.failed() + " trial(s) failed and are excluded");
            }
        } catch (HandedBack handedBack) {
            throw handedBack;
        } catch (RuntimeException e) {
            if (stopping) {
                throw new HandedBack(sweepId); // a call cut off by the stop, not the sweep's fault
            }
            log.error("Sweep {} stopped by an unexpected error", sweepId, e);
            run.stop();
            finish(sweepId, SweepStatus.FAILED, "Stopped by an unexpected error: " + e.getMessage());
        } finally {
            running.remove(sweepId);
        }
        return Outcome.DONE;
    }

    /**
     * A race: round after round, every configuration still running gets its next repetition (both arms, in plan
     * order; warm-ups in the first round), then the referee judges the round and drops the stopped ones. After a
     * restart the rounds already run are judged again (same data, same decisions) and the race goes on.
     */
    private void runRace(long sweepId, List<EndpointView> fleet, SweepRun run, RacePlan race) {
        for (int round = 1; round <= race.maxRepetitions(); round++) {
            int upTo = round;
            runOnFleet(sweepId, fleet, run, trial -> trial.isWarmup() || trial.getRepetition() <= upTo);
            if (run.stopped() || stopping || stopped(sweepId)) {
                return;
            }
            boolean over = referee.judge(sweepId, round);
            events.changed(sweepId);
            if (over) {
                return;
            }
        }
    }

    private void runOnFleet(long sweepId, List<EndpointView> fleet, SweepRun run, Predicate<Trial> inRound) {
        if (fleet.size() == 1) {
            work(sweepId, fleet.get(0), run, inRound);
            return;
        }
        ExecutorService workers = Executors.newFixedThreadPool(fleet.size(), task -> new Thread(task,
                "sweep-" + sweepId + "-worker"));
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (EndpointView endpoint : fleet) {
                futures.add(workers.submit(() -> {
                    work(sweepId, endpoint, run, inRound);
                    return null;
                }));
            }
            for (Future<Void> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    run.stop();
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    run.stop();
                    return;
                }
            }
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * Claims the fleet and begins: RUNNING, environment captured, plan created (first run only). Null when the
     * sweep began (or resumes); {@link Outcome#ENDPOINTS_BUSY} while another sweep runs on one of its endpoints —
     * on this instance or another: the endpoints' rows are locked while the running sweeps are looked up, so two
     * instances cannot both claim a free endpoint; {@link Outcome#DONE} when it was cancelled meanwhile.
     */
    private Outcome begin(long sweepId, List<EndpointView> fleet) {
        switch (lifecycle.claim(sweepId, fleet.stream().map(EndpointView::id).toList(), RUNNER)) {
            case NOT_ACTIVE -> {
                return Outcome.DONE;
            }
            case ENDPOINTS_BUSY -> {
                return Outcome.ENDPOINTS_BUSY;
            }
            case CLAIMED -> { }
        }
        Sweep loaded = sweeps.read(sweepId).orElseThrow();
        if (loaded.getEnvironment() == null) {
            List<Map<String, Object>> captured = fleet.stream().map(e -> EnvironmentCapture.of(e, loaded)).toList();
            Map<String, Object> environment = new LinkedHashMap<>(captured.get(0));
            if (fleet.size() > 1) {
                environment.put("fleet", captured);
            }
            lifecycle.recordEnvironment(sweepId, environment);
        }
        tx.executeWithoutResult(s -> { // execution's own table: the plan, with the configurations as stored now
            if (!trials.findPlan(sweepId).isEmpty()) {
                return;
            }
            Sweep sweep = sweeps.read(sweepId).orElseThrow();
            List<Configuration> configurations = sweep.getConfigurations();
            int position = 0;
            List<Integer> batchSizes = configurations.stream().map(c -> sweep.loadOf(c).batchSize()).toList();
            for (ExecutionPlan.Item item : ExecutionPlan.of(batchSizes, sweep.getRepetitions(),
                    sweep.getWarmupTrials(), sweep.getRunOrder(), sweep.getShuffleSeed())) {
                Long endpointId = fleet.get(item.configuration() % fleet.size()).id();
                trials.save(Trial.planned(configurations.get(item.configuration()), item.arm(), item.repetition(),
                        item.warmup(), item.slot(), position++, endpointId));
            }
        });
        events.changed(sweepId);
        return null;
    }

    /** Runs this endpoint's unfinished trials in plan order. */
    private void work(long sweepId, EndpointView endpoint, SweepRun run, Predicate<Trial> inRound) {
        Sweep sweep = sweeps.read(sweepId).orElseThrow();
        Long first = sweep.getEndpointIds().get(0);
        List<Trial> plan = tx.execute(s -> trials.findPlan(sweepId)).stream()
                .filter(t -> Objects.equals(t.getEndpointId() == null ? first : t.getEndpointId(), endpoint.id()))
                .filter(inRound).toList();
        Cancellation cancellation = run.newCancellation();
        try (OllamaClient client = new OllamaClient(endpoint.baseUrl(), SweepTimeouts.of(sweep))) {
            RunnerWatch watch = new RunnerWatch(); // the runner this endpoint's calls loaded (§4.2)
            TrialCaller caller = new TrialCaller(sweep, endpoint, client, cancellation, trials, calls, events, tx,
                    retries, watch);
            BatchRunner batches = new BatchRunner(sweep, run, slot -> new TrialCaller(sweep, endpoint, client, slot,
                    trials, calls, events, tx, retries, watch), trials, calls, events, tx, client::warmUp, watch,
                    () -> client.loaded(sweep.getModel()).orElse(null));
            Long lastConfiguration = null;
            for (List<Trial> batch : batches(plan)) {
                Trial trial = batch.get(0);
                if (batch.stream().allMatch(t -> t.getStatus() == TrialStatus.DONE
                        || t.getStatus() == TrialStatus.FAILED)) {
                    lastConfiguration = trial.getConfiguration().getId();
                    continue;
                }
                if (cancellation.isCancelled() || stopping || stopped(sweepId)) {
                    return;
                }
                if (sweep.isColdStart() && !trial.getConfiguration().getId().equals(lastConfiguration)) {
                    caller.coldStart();
                }
                lastConfiguration = trial.getConfiguration().getId();
                caller.prepare(trial); // each arm on the runner its own options load
                boolean failedTooOften;
                if (batch.size() == 1) {
                    boolean ok = caller.run(trial);
                    if (cancellation.isCancelled()) {
                        return;
                    }
                    failedTooOften = run.count(ok, maxFailureRate);
                } else {
                    List<BatchRunner.Outcome> outcomes = batches.run(batch);
                    if (outcomes.isEmpty()) {
                        return; // cut off: nothing of the batch was stored, it runs again whole
                    }
                    failedTooOften = false; // the threshold counts calls: each call of the batch
                    for (BatchRunner.Outcome outcome : outcomes) {
                        for (CallRecord call : outcome.calls()) {
                            failedTooOften |= run.count(call.getStatus() == CallStatus.OK, maxFailureRate);
                        }
                    }
                }
                if (failedTooOften) {
                    finish(sweepId, SweepStatus.FAILED, run.failures() + " trials failed (more than "
                            + Math.round(maxFailureRate * 100) + " %); last reason: " + lastError(sweepId));
                    run.stop();
                    return;
                }
            }
        }
    }

    /** The plan cut into batches: consecutive trials of one configuration, arm and repetition (one each at load 1). */
    static List<List<Trial>> batches(List<Trial> plan) {
        List<List<Trial>> batches = new ArrayList<>();
        for (Trial trial : plan) {
            List<Trial> last = batches.isEmpty() ? null : batches.get(batches.size() - 1);
            if (last != null && last.get(0).sameBatch(trial)) {
                last.add(trial);
            } else {
                batches.add(new ArrayList<>(List.of(trial)));
            }
        }
        return batches;
    }

    private boolean stopped(long sweepId) {
        return lifecycle.status(sweepId) != SweepStatus.RUNNING;
    }

    private String lastError(long sweepId) {
        return calls.findLastFailure(sweepId).map(CallRecord::getError).orElse("unknown");
    }

    private void finish(long sweepId, SweepStatus status, String message) {
        lifecycle.end(sweepId, status, message);
        events.changed(sweepId);
        tell(sweepId, status, message);
    }

    /** A tuning's stage or a watch's check is part of that work: its end is told there, not per sweep. */
    private static final java.util.regex.Pattern PART_OF_WORK = java.util.regex.Pattern.compile(
            "^(Tuning|Watch) \\d+ · ");

    /** Tells the sweep's creator, if they subscribed (MY_SWEEP_ENDED), that it finished or failed. */
    private void tell(long sweepId, SweepStatus status, String message) {
        try {
            sweeps.read(sweepId).filter(s -> s.getCreatedBy() != null && !PART_OF_WORK.matcher(s.getName()).find())
                    .ifPresent(s -> notifier.send(new Notice(NoticeKind.MY_SWEEP_ENDED, "Sweep \"" + s.getName()
                            + "\" " + (status == SweepStatus.FINISHED ? "finished" : "failed"),
                            message == null ? "" : message, "/sweeps/" + sweepId, s.getCreatedBy(),
                            Map.of("sweepId", sweepId, "status", status.name()))));
        } catch (RuntimeException notTold) { // the sweep has ended either way
            log.warn("Sweep {}: its end was not told: {}", sweepId, notTold.getMessage());
        }
    }
}
