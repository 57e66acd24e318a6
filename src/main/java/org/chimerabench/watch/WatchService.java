package org.chimerabench.watch;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.base.Durations;
import org.chimerabench.base.Numbers;
import org.chimerabench.endpoint.EndpointEventKind;
import org.chimerabench.endpoint.EndpointEventView;
import org.chimerabench.endpoint.EndpointEvents;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.TuningService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Watched settings (docs/architecture.md §4.4): operators watch a finished sweep's configuration or a tuning's answer,
 * run a check or an A/A calibration now, and stop watching their own (admins anyone's); everyone signed in reads them.
 */
@Service
public class WatchService {

    static final int DEFAULT_REPETITIONS = 10;
    static final double DEFAULT_MARGIN_PCT = 3;

    private final WatchRepository watches;
    private final WatchCheckRepository checks;
    private final WatchRunner runner;
    private final WatchMetrics metrics;
    private final SweepService sweeps;
    private final MeasuredCalls measured;
    private final EndpointService endpoints;
    private final EndpointEvents events;
    private final TuningService tunings;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> scheduleTask;
    private final java.time.Duration minInterval;

    WatchService(WatchRepository watches, WatchCheckRepository checks, WatchRunner runner, WatchMetrics metrics,
                 SweepService sweeps, MeasuredCalls measured, EndpointService endpoints, EndpointEvents events,
                 TuningService tunings, AuditTrail audit, TransactionTemplate tx,
                 ObjectProvider<SecurityContextHolderStrategy> strategy, @Lazy SchedulerClient scheduler,
                 @Lazy @Qualifier("watchScheduleTask") CustomTask<Long> scheduleTask,
                 @org.springframework.beans.factory.annotation.Value("${chimera.watch.min-interval:15m}")
                 java.time.Duration minInterval) {
        this.minInterval = minInterval;
        this.watches = watches;
        this.checks = checks;
        this.runner = runner;
        this.metrics = metrics;
        this.sweeps = sweeps;
        this.measured = measured;
        this.endpoints = endpoints;
        this.events = events;
        this.tunings = tunings;
        this.audit = audit;
        this.tx = tx;
        this.strategy = strategy;
        this.scheduler = scheduler;
        this.scheduleTask = scheduleTask;
    }

    /**
     * Watches a finished sweep's configuration, or a finished tuning's answer (its confirmation), re-checked on the
     * cron schedule and after each version or digest change of its endpoint and model.
     *
     * @return the watch's id
     * @throws WatchValidationException per wrong field; nothing is stored
     */
    @PreAuthorize(Access.OPERATOR)
    public long create(WatchRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        String cron = request.cron() == null ? Cron.DEFAULT : request.cron().strip();
        String cronProblem = Cron.problem(cron);
        if (cronProblem != null) {
            errors.put("cron", cronProblem);
        } else if (Cron.shortestGap(cron).compareTo(minInterval) < 0) {
            errors.put("cron", "The schedule \"" + cron + "\" re-checks every " + Durations.human(
                    Cron.shortestGap(cron).toSeconds()) + "; at least " + Durations.human(minInterval.toSeconds())
                    + " apart (a check holds the endpoint; chimera.watch.min-interval)");
        }
        int repetitions = request.repetitions() == null ? DEFAULT_REPETITIONS : request.repetitions();
        if (repetitions < 3 || repetitions > 50) {
            errors.put("repetitions", "Repetitions per check must be 3–50, got " + repetitions);
        }
        double margin = request.marginPct() == null ? DEFAULT_MARGIN_PCT : request.marginPct();
        if (!(margin >= 0.5 && margin <= 50)) {
            errors.put("marginPct", "The margin must be 0.5–50 %, got " + request.marginPct());
        }
        Long sweepId = request.sweepId();
        Long configurationId = request.configurationId();
        Long tuningId = request.tuningId();
        if (tuningId != null) {
            if (sweepId != null || configurationId != null) {
                errors.put("tuningId", "Give a tuning or a sweep and configuration, not both");
            } else {
                Optional<TuningReport> tuning = tunings.report(tuningId);
                Optional<TuningReport.StageLink> confirmation = tuning.flatMap(t -> t.stages().stream()
                        .filter(s -> s.name().equals("Confirmation")).findFirst());
                if (tuning.isEmpty()) {
                    errors.put("tuningId", "There is no tuning " + tuningId);
                } else if (tuning.get().answer() == null || confirmation.isEmpty()) {
                    errors.put("tuningId", "Tuning " + tuningId + " has no confirmed answer yet");
                } else {
                    sweepId = confirmation.get().sweepId();
                    configurationId = sweeps.configurationOptions(sweepId).keySet().stream().findFirst().orElse(null);
                }
            }
        } else if (sweepId == null) {
            errors.put("sweepId", "Give the sweep (sweepId) and its configuration (configurationId), or a tuningId");
        } else if (configurationId == null) {
            errors.put("configurationId", "Give the configuration of sweep " + sweepId + " to watch");
        }
        Sweep source = null;
        SweepDefinition definition = null;
        MeasuredCalls.ConfigurationMeasures reference = null;
        if (errors.isEmpty()) {
            long id = sweepId;
            source = sweeps.read(id).orElse(null);
            definition = source == null ? null : sweeps.definition(id).orElse(null);
            if (source == null) {
                errors.put("sweepId", "There is no sweep " + id);
            } else if (source.getStatus() != SweepStatus.FINISHED) {
                errors.put("sweepId", "Sweep " + id + " has not finished; a watch needs its measurements");
            } else if (definition == null) {
                errors.put("sweepId", "Sweep " + id + " was imported: a watch re-runs what it measured, and an"
                        + " import does not say how");
            } else if (definition.endpoints().size() != 1) {
                errors.put("sweepId", "Sweep " + id + " ran on " + definition.endpoints().size() + " endpoints; watch"
                        + " a configuration of a sweep on one endpoint");
            } else if (!sweeps.configurationOptions(id).containsKey(configurationId)) {
                errors.put("configurationId", "Sweep " + id + " has no configuration " + configurationId);
            } else {
                reference = measured.byConfiguration(id, null).get(configurationId);
                if (reference == null || reference.chimeraTokPerSec().length < 2
                        || reference.baselineTokPerSec().length < 2) {
                    errors.put("configurationId", "Configuration " + configurationId + " has fewer than 2 measured"
                            + " trials per arm: too few for a reference");
                } else if (endpoints.findByName(definition.endpoints().get(0)).isEmpty()) {
                    errors.put("sweepId", "The endpoint " + definition.endpoints().get(0) + " is no longer"
                            + " registered");
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new WatchValidationException(errors);
        }
        Map<String, Object> options = new LinkedHashMap<>(sweeps.configurationOptions(sweepId).get(configurationId));
        source.getFixedOptions().forEach(options::putIfAbsent);
        WatchReference stored = new WatchReference(sweepId, reference.chimeraTokPerSec(),
                reference.baselineTokPerSec(), reference.chimeraTtftMs(), reference.baselineTtftMs(),
                runner.gpuShare(sweepId), WatchRunner.version(source));
        Map<String, Object> baseline = source.getBaselineOptions();
        Watch watch = new Watch(definition.endpoints().get(0), source.getModel(), WatchRunner.write(options),
                baseline == null || baseline.isEmpty() ? null : WatchRunner.write(baseline), sweepId,
                configurationId, tuningId, definition.workload().type(), definition.workload().prompt(),
                definition.maxTokens(), repetitions, margin, WatchRunner.write(stored),
                source.getFinishedAt() != null ? source.getFinishedAt() : OffsetDateTime.now(), cron,
                events.newestId(), CurrentUser.name(strategy.getIfAvailable()).orElse(null));
        long id = tx.execute(s -> {
            long saved = watches.save(watch).getId();
            audit.record(AuditAction.WATCH_CREATED, "watch " + saved, watch.getModel() + " on "
                    + watch.getEndpoint() + " " + options);
            return saved;
        });
        scheduler.schedule(scheduleTask.instance(Long.toString(id), id),
                Cron.next(cron, ZonedDateTime.now()).toInstant());
        return id;
    }

    @PreAuthorize(Access.SIGNED_IN)
    public List<WatchSummary> list() {
        return watches.findAllByOrderByIdDesc().stream().map(watch -> {
            List<WatchCheck> all = checks.findByWatchIdOrderById(watch.getId());
            Optional<WatchCheck> last = all.stream().filter(c -> c.getKind() == WatchCheck.Kind.CHECK
                    && c.getStatus() == WatchCheck.Status.DONE).reduce((a, b) -> b);
            boolean running = all.stream().anyMatch(c -> c.getStatus() == WatchCheck.Status.RUNNING);
            return new WatchSummary(watch.getId(), watch.getEndpoint(), watch.getModel(), WatchRunner.options(watch),
                    watch.getCron(), last.map(c -> c.getOutcome().name()).orElse(null),
                    last.map(WatchRunner::result).map(CheckResult::deltaPct).orElse(null),
                    last.map(WatchCheck::getAt).orElse(null), running, watch.getCreatedBy());
        }).toList();
    }

    @PreAuthorize(Access.SIGNED_IN)
    public Optional<WatchReport> report(long id) {
        return watches.findById(id).map(watch -> {
            WatchReference reference = WatchRunner.reference(watch);
            List<WatchReport.Check> list = checks.findByWatchIdOrderById(id).stream().map(WatchService::check)
                    .toList();
            NoiseCalibration noise = runner.calibration(watch);
            List<EndpointEventView> seen = endpoints.findByName(watch.getEndpoint())
                    .map(e -> events.list(e.id(), 500)).orElse(List.of()).stream()
                    .filter(e -> e.model() == null || e.model().equals(watch.getModel()))
                    .filter(e -> e.kind() != EndpointEventKind.PLACEMENT || e.before() != null)
                    .sorted(Comparator.comparing(EndpointEventView::at)).toList();
            Optional<WatchReport.Check> last = list.stream().filter(c -> c.kind().equals("CHECK")
                    && c.status().equals("DONE")).reduce((a, b) -> b);
            return new WatchReport(id, watch.getEndpoint(), watch.getModel(), WatchRunner.options(watch),
                    watch.getSourceSweepId(), watch.getSourceConfigurationId(), watch.getTuningId(), watch.getCron(),
                    watch.getRepetitions(), watch.getMarginPct(), WatchRunner.mean(reference.chimeraTokPerSec()),
                    reference.chimeraTokPerSec().length, reference.gpuSharePct(), reference.ollamaVersion(),
                    watch.getReferenceAt(), headline(last.orElse(null), watch), last.map(WatchReport.Check::outcome)
                    .orElse(null), list, new WatchReport.Noise(noise.checks(), noise.falseAlarms(),
                    noise.falseAlarmPct(), noise.minimumDetectablePct(),
                    (Math.exp(Math.sqrt(noise.driftLogVariance())) - 1) * 100), seen, watch.getCreatedBy(),
                    watch.getCreatedAt());
        });
    }

    /**
     * Runs a check now.
     *
     * @return the check's id, or empty while one runs
     * @throws NoSuchElementException for an unknown watch
     */
    @PreAuthorize(Access.OPERATOR)
    public Optional<Long> checkNow(long id) {
        watches.findById(id).orElseThrow(() -> new NoSuchElementException("there is no watch " + id));
        Optional<Long> check = runner.start(id, WatchCheck.Kind.CHECK, "asked by " + CurrentUser.name(
                strategy.getIfAvailable()).orElse("someone"));
        check.ifPresent(c -> tx.executeWithoutResult(s -> audit.record(AuditAction.WATCH_CHECKED, "watch " + id,
                "check " + c)));
        return check;
    }

    /** Runs an A/A check (Ollama's defaults against themselves) now; empty while a check runs. */
    @PreAuthorize(Access.OPERATOR)
    public Optional<Long> calibrate(long id) {
        watches.findById(id).orElseThrow(() -> new NoSuchElementException("there is no watch " + id));
        Optional<Long> check = runner.start(id, WatchCheck.Kind.AA, "calibration asked by " + CurrentUser.name(
                strategy.getIfAvailable()).orElse("someone"));
        check.ifPresent(c -> tx.executeWithoutResult(s -> audit.record(AuditAction.WATCH_CHECKED, "watch " + id,
                "A/A check " + c)));
        return check;
    }

    /** Whether the caller may stop this watch: its owner or an admin. */
    @PreAuthorize(Access.SIGNED_IN)
    public boolean mayDelete(long id) {
        return watches.findById(id).map(w -> CurrentUser.isOwnerOrAdmin(w.getCreatedBy(), strategy.getIfAvailable()))
                .orElse(false);
    }

    /**
     * Stops watching: the watch, its schedule and its checks go; the checks' sweeps stay (their calls are data).
     *
     * @return false when there is no such watch
     * @throws AccessDeniedException unless the caller owns it or is an admin
     */
    @PreAuthorize(Access.OPERATOR)
    public boolean delete(long id) {
        Optional<Watch> watch = watches.findById(id);
        if (watch.isEmpty()) {
            return false;
        }
        if (!CurrentUser.isOwnerOrAdmin(watch.get().getCreatedBy(), strategy.getIfAvailable())) {
            throw new AccessDeniedException("Only " + watch.get().getCreatedBy() + " or an admin may stop watch " + id);
        }
        tx.executeWithoutResult(s -> {
            watches.deleteById(id);
            audit.record(AuditAction.WATCH_DELETED, "watch " + id, watch.get().getModel() + " on "
                    + watch.get().getEndpoint());
        });
        scheduler.cancel(TaskInstanceId.of(WatchJobs.SCHEDULE, Long.toString(id)));
        metrics.remove(id);
        return true;
    }

    /** The schedule job's turn: starts a check; the cron to reschedule by, or null when the watch is gone. */
    String scheduledCheck(long watchId) {
        Optional<Watch> watch = watches.findById(watchId);
        watch.ifPresent(w -> runner.start(watchId, WatchCheck.Kind.CHECK, "scheduled (" + w.getCron() + ")"));
        return watch.map(Watch::getCron).orElse(null);
    }

    private static WatchReport.Check check(WatchCheck c) {
        CheckResult r = WatchRunner.result(c);
        return new WatchReport.Check(c.getId(), c.getKind().name(), c.getStatus().name(), c.getReason(),
                c.getStartedAt(), c.getAt(), c.getOutcome() == null ? null : c.getOutcome().name(),
                r == null ? null : r.deltaPct(), r == null ? null : r.ci95Low(), r == null ? null : r.ci95High(),
                r == null ? null : r.ttftDeltaPct(), r == null ? null : r.ttftCi95Low(),
                r == null ? null : r.ttftCi95High(), r == null ? null : r.gainVsDefaultsPct(),
                r == null ? null : r.gpuSharePct(), c.getCause(), c.getSweepId(),
                r == null ? null : r.changeSinceCheckId(), r == null ? null : r.ollamaVersion(),
                r == null ? null : r.error());
    }

    /** The watch's verdict in one sentence, the first thing its page says. */
    static String headline(WatchReport.Check last, Watch watch) {
        if (last == null) {
            return "Not checked yet: the first check runs " + (watch.getCron().equals(Cron.DEFAULT)
                    ? "at 03:00" : "on its schedule (" + watch.getCron() + ")") + " or after Ollama or the model"
                    + " changes.";
        }
        return switch (last.outcome()) {
            case "UNCHANGED" -> "Unchanged: the watched options decode " + Numbers.signedPct(last.deltaPct(), 1)
                    + " against the reference, within ±" + Numbers.number(watch.getMarginPct(), 1) + " %.";
            case "REGRESSED" -> "Regressed: " + Numbers.signedPct(last.deltaPct(), 1) + " decode throughput against"
                    + " the reference (95 % CI " + Numbers.interval(last.ci95Low(), last.ci95High(), 1) + " %). Cause: "
                    + last.cause();
            case "IMPROVED" -> "Improved: " + Numbers.signedPct(last.deltaPct(), 1) + " decode throughput against"
                    + " the reference (95 % CI " + Numbers.interval(last.ci95Low(), last.ci95High(), 1) + " %).";
            case "INCONCLUSIVE" -> "Inconclusive: " + Numbers.signedPct(last.deltaPct(), 1) + " against the"
                    + " reference, but the 95 % CI (" + Numbers.interval(last.ci95Low(), last.ci95High(), 1)
                    + " %) neither excludes 0 nor fits the ±" + Numbers.number(watch.getMarginPct(), 1) + " % margin.";
            default -> "The last check failed: " + last.error();
        };
    }
}
