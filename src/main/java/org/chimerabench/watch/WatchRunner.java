package org.chimerabench.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.Numbers;
import org.chimerabench.endpoint.EndpointEventKind;
import org.chimerabench.endpoint.EndpointEventView;
import org.chimerabench.endpoint.EndpointEvents;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.notify.Notice;
import org.chimerabench.notify.NoticeKind;
import org.chimerabench.notify.Notifier;
import org.chimerabench.security.ActingOwner;
import org.chimerabench.security.UserService;
import org.chimerabench.security.UserView;
import org.chimerabench.stats.ChangePoint;
import org.chimerabench.stats.RatioOfMeans;
import org.chimerabench.stats.Summary;
import org.chimerabench.execution.Arm;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a watch's checks (docs/architecture.md §4.4): starts one as a sweep of the watched options against Ollama's
 * defaults (or, an A/A check, the defaults against themselves) as the watch's owner, and once that sweep has ended
 * judges it against the reference, explains a change by what changed on the endpoint before it, and tells the team.
 * One check at a time per watch, across app instances (the watch's row is locked while one is claimed).
 */
@Component
class WatchRunner {

    private static final Logger log = LoggerFactory.getLogger(WatchRunner.class);
    static final ObjectMapper JSON = new ObjectMapper();
    /** A scheduled check is followed by an A/A check until 3 exist for the endpoint and model, then every 4th. */
    static final int AA_EVERY = 4;
    static final int AA_AT_LEAST = 3;
    /** The token cap of an A/A check when the watched sweep set none. */
    static final int AA_TOKENS = 128;

    private final WatchRepository watches;
    private final WatchCheckRepository checks;
    private final SweepService sweeps;
    private final SweepStarter starter;
    private final MeasuredCalls measured;
    private final EndpointService endpoints;
    private final EndpointEvents events;
    private final UserService users;
    private final Notifier notifier;
    private final WatchMetrics metrics;
    private final TransactionTemplate tx;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> checkTask;

    WatchRunner(WatchRepository watches, WatchCheckRepository checks, SweepService sweeps, SweepStarter starter,
                MeasuredCalls measured, EndpointService endpoints, EndpointEvents events, UserService users,
                Notifier notifier, WatchMetrics metrics, TransactionTemplate tx,
                ObjectProvider<SecurityContextHolderStrategy> strategy, @Lazy SchedulerClient scheduler,
                @Lazy @Qualifier("runWatchCheckTask") CustomTask<Long> checkTask) {
        this.watches = watches;
        this.checks = checks;
        this.sweeps = sweeps;
        this.starter = starter;
        this.measured = measured;
        this.endpoints = endpoints;
        this.events = events;
        this.users = users;
        this.notifier = notifier;
        this.metrics = metrics;
        this.tx = tx;
        this.strategy = strategy;
        this.scheduler = scheduler;
        this.checkTask = checkTask;
    }

    /** Starts a check of the watch unless one runs already; the new check's id, or empty. */
    Optional<Long> start(long watchId, WatchCheck.Kind kind, String reason) {
        Long checkId = tx.execute(s -> watches.lock(watchId).filter(w -> !checks.existsByWatchIdAndStatus(watchId,
                WatchCheck.Status.RUNNING)).map(w -> checks.save(new WatchCheck(watchId, kind, reason)).getId())
                .orElse(null));
        if (checkId == null) {
            return Optional.empty();
        }
        // its progress job first: a check whose sweep never came (the instance died) is failed by it, not stuck
        scheduler.schedule(checkTask.instance("watch-check-" + checkId, checkId), Instant.now().plusSeconds(1));
        Watch watch = watches.findById(watchId).orElseThrow();
        try {
            UserView owner = Optional.ofNullable(watch.getCreatedBy()).flatMap(users::find)
                    .filter(ActingOwner::mayRun).orElseThrow(() -> new IllegalStateException("Not run: "
                            + (watch.getCreatedBy() == null ? "the watch has no owner" : watch.getCreatedBy()
                            + " is no longer an enabled operator") + ", and a watch's checks run as its owner."));
            long sweepId = ActingOwner.asOwner(owner, strategy.getIfAvailable(), () -> {
                long id = sweeps.create(definition(watch, kind, checkId));
                starter.start(id);
                return id;
            });
            tx.executeWithoutResult(s -> checks.findById(checkId).ifPresent(c -> c.started(sweepId)));
        } catch (IllegalStateException | org.chimerabench.sweep.SweepValidationException failure) {
            String why = failure instanceof org.chimerabench.sweep.SweepValidationException invalid
                    ? "The check could not be created: " + String.join("; ", invalid.fieldErrors().values())
                    : failure.getMessage();
            log.info("watch {}: check {} failed to start: {}", watchId, checkId, why);
            fail(watch, checkId, null, why);
        } catch (RuntimeException unexpected) {
            log.warn("watch {}: check {} failed to start", watchId, checkId, unexpected);
            fail(watch, checkId, null, "The check could not start: an unexpected error (the server's log has it).");
        }
        return Optional.of(checkId);
    }

    /** Advances a running check; true once it is done (judged or failed). */
    boolean advance(long checkId) {
        WatchCheck check = checks.findById(checkId).orElse(null);
        if (check == null || check.getStatus() == WatchCheck.Status.DONE) {
            return true;
        }
        Watch watch = watches.findById(check.getWatchId()).orElse(null);
        if (watch == null) {
            return true;
        }
        if (check.getSweepId() == null) { // being created, or its instance died before the sweep came
            if (check.getStartedAt().isBefore(OffsetDateTime.now().minusMinutes(2))) {
                fail(watch, checkId, null, "The check's sweep was never created (the app stopped while starting"
                        + " it).");
                return true;
            }
            return false;
        }
        Optional<Sweep> sweep = sweeps.read(check.getSweepId());
        if (sweep.isEmpty()) {
            fail(watch, checkId, check.getSweepId(), "The check's sweep was deleted before it ended.");
            return true;
        }
        SweepStatus status = sweep.get().getStatus();
        if (!SweepStatus.ends().contains(status)) {
            return false;
        }
        if (status != SweepStatus.FINISHED) {
            fail(watch, checkId, check.getSweepId(), "The check's sweep " + (status == SweepStatus.CANCELLED
                    ? "was cancelled" : "failed: " + sweep.get().getStatusMessage()));
            return true;
        }
        MeasuredCalls.ConfigurationMeasures m = measured.byConfiguration(check.getSweepId(), null).values().stream()
                .findFirst().orElse(MeasuredCalls.ConfigurationMeasures.NONE);
        if (m.chimeraTokPerSec().length < 2 || m.baselineTokPerSec().length < 2) {
            fail(watch, checkId, check.getSweepId(), "Too few successful calls to judge: "
                    + m.chimeraTokPerSec().length + " and " + m.baselineTokPerSec().length + " trials per arm.");
            return true;
        }
        String version = version(sweep.get());
        if (check.getKind() == WatchCheck.Kind.AA) {
            CheckJudge.Judgement aa = CheckJudge.judge(m.chimeraTokPerSec(), m.baselineTokPerSec(),
                    watch.getMarginPct(), 0);
            store(checkId, aa.outcome(), new CheckResult(check.getSweepId(), check.getSweepId(), aa.deltaPct(),
                    aa.ci95Low(), aa.ci95High(), aa.ci90Low(), aa.ci90High(), watch.getMarginPct(), 0, mean(
                    m.chimeraTokPerSec()), mean(m.baselineTokPerSec()), null, null, null, null, null, version, null,
                    aa.logVariance(), null, null), null);
            return true;
        }
        judge(watch, check, m, version);
        return true;
    }

    private void judge(Watch watch, WatchCheck check, MeasuredCalls.ConfigurationMeasures m, String version) {
        WatchReference reference = reference(watch);
        NoiseCalibration noise = calibration(watch);
        CheckJudge.Judgement judgement = CheckJudge.judge(m.chimeraTokPerSec(), reference.chimeraTokPerSec(),
                watch.getMarginPct(), noise.driftLogVariance());
        RatioOfMeans ttft = m.chimeraTtftMs().length >= 2 && reference.chimeraTtftMs().length >= 2
                && mean(m.chimeraTtftMs()) > 0 && mean(reference.chimeraTtftMs()) > 0
                ? RatioOfMeans.of(m.chimeraTtftMs(), reference.chimeraTtftMs(), 0.95) : null;
        Double ttftDelta = ttft == null ? null : ttft.changePct();
        double gain = RatioOfMeans.of(m.chimeraTokPerSec(), m.baselineTokPerSec(), 0.95).changePct();
        Double gpuShare = gpuShare(check.getSweepId());
        // the series: the reference (0 change) and every judged check so far, this one last
        List<WatchCheck> earlier = checks.findByWatchIdOrderById(watch.getId()).stream()
                .filter(c -> c.getKind() == WatchCheck.Kind.CHECK && c.getStatus() == WatchCheck.Status.DONE
                        && c.getOutcome() != CheckOutcome.FAILED && !c.getId().equals(check.getId())).toList();
        List<Double> values = new ArrayList<>(List.of(0.0));
        List<Double> variances = new ArrayList<>(List.of(referenceLogVariance(reference)));
        for (WatchCheck c : earlier) {
            CheckJudge.Judgement j = result(c).judgement(c.getOutcome());
            values.add(j.logDelta());
            variances.add(j.logVariance());
        }
        values.add(judgement.logDelta());
        variances.add(judgement.logVariance());
        ChangePoint change = ChangePoint.find(values.stream().mapToDouble(Double::doubleValue).toArray(),
                variances.stream().mapToDouble(Double::doubleValue).toArray(), 0.05);
        Long changeSince = null;
        OffsetDateTime since = watch.getReferenceAt();
        if (change.found()) {
            int first = change.index(); // series index: 0 = the reference, i = the i-th judged check
            changeSince = first - 1 < earlier.size() ? earlier.get(first - 1).getId() : check.getId();
            since = first >= 2 ? earlier.get(first - 2).getAt() : watch.getReferenceAt();
        } else {
            for (WatchCheck c : earlier) {
                if (c.getOutcome() != CheckOutcome.REGRESSED) {
                    since = c.getAt();
                }
            }
        }
        CheckResult result = new CheckResult(check.getSweepId(), reference.sweepId(), judgement.deltaPct(),
                judgement.ci95Low(), judgement.ci95High(), judgement.ci90Low(), judgement.ci90High(),
                watch.getMarginPct(), (Math.exp(Math.sqrt(noise.driftLogVariance())) - 1) * 100,
                mean(m.chimeraTokPerSec()), mean(reference.chimeraTokPerSec()), ttftDelta, gain, gpuShare,
                reference.gpuSharePct(), changeSince, version, null, judgement.logVariance(),
                ttft == null ? null : ttft.ciLowPct(), ttft == null ? null : ttft.ciHighPct());
        String cause = judgement.outcome() == CheckOutcome.UNCHANGED ? null
                : explain(watch, since, check.getStartedAt(), gpuShare, reference.gpuSharePct());
        boolean wasRegressed = !earlier.isEmpty() && earlier.get(earlier.size() - 1).getOutcome()
                == CheckOutcome.REGRESSED;
        boolean tell = judgement.outcome() == CheckOutcome.REGRESSED && !wasRegressed;
        if (!store(check.getId(), judgement.outcome(), result, cause,
                tell ? regressionNotice(watch, check.getId(), result, cause) : null)) {
            return; // judged already
        }
        metrics.update(watch.getId(), watch.getEndpoint(), watch.getModel(), judgement.deltaPct(),
                judgement.outcome() == CheckOutcome.REGRESSED);
        if (check.getReason().startsWith("scheduled") && needsCalibration(watch, earlier.size() + 1)) {
            start(watch.getId(), WatchCheck.Kind.AA, "calibration: Ollama's defaults against themselves");
        }
    }

    private boolean needsCalibration(Watch watch, int judgedChecks) {
        return calibration(watch).checks() < AA_AT_LEAST || judgedChecks % AA_EVERY == 0;
    }

    /** What changed nearest before the check, since the last check that did not regress (or the change point). */
    String explain(Watch watch, OffsetDateTime since, OffsetDateTime until, Double gpuShare, Double referenceShare) {
        List<String> causes = new ArrayList<>();
        Optional<EndpointView> endpoint = endpoints.findByName(watch.getEndpoint());
        if (endpoint.isPresent()) {
            for (EndpointEventView event : events.between(endpoint.get().id(), since, until)) {
                boolean ofThisModel = event.model() == null || event.model().equals(watch.getModel());
                if (event.before() != null && ofThisModel && event.kind() != EndpointEventKind.PLACEMENT) {
                    causes.add(capitalised(event.description()) + " (" + Numbers.dateTime(event.at()) + ")");
                }
            }
        }
        if (gpuShare != null && referenceShare != null && Math.abs(gpuShare - referenceShare) >= 1) {
            causes.add("GPU placement " + Numbers.number(referenceShare, 0) + " % → " + Numbers.number(gpuShare, 0)
                    + " % of the model in GPU memory (the reference's calls against this check's)");
        }
        return causes.isEmpty() ? "Nothing recorded changed on the endpoint since " + Numbers.dateTime(since)
                + " (version, model digest, server settings, GPU placement): look at the machine itself (other"
                + " load, drivers, thermals)." : String.join("; ", causes);
    }

    private Notice regressionNotice(Watch watch, long checkId, CheckResult result, String cause) {
        String subject = "Regression: " + watch.getModel() + " on " + watch.getEndpoint() + " "
                + Numbers.signedPct(result.deltaPct(), 1) + " decode throughput";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("watchId", watch.getId());
        data.put("checkId", checkId);
        data.put("endpoint", watch.getEndpoint());
        data.put("model", watch.getModel());
        data.put("options", options(watch));
        data.put("deltaPct", result.deltaPct());
        data.put("ci95Low", result.ci95Low());
        data.put("ci95High", result.ci95High());
        data.put("cause", cause);
        data.put("checkSweepId", result.sweepId());
        data.put("referenceSweepId", result.referenceSweepId());
        String text = "The watched options " + options(watch) + " decode " + Numbers.signedPct(result.deltaPct(), 1)
                + " against the reference (95 % CI " + Numbers.signedPct(result.ci95Low(), 1) + " to "
                + Numbers.signedPct(result.ci95High(), 1) + ").\nWhat changed before it: " + cause
                + "\nRaw calls: /sweeps/" + result.referenceSweepId() + " (reference) and /sweeps/" + result.sweepId()
                + " (this check).";
        return new Notice(NoticeKind.REGRESSION, subject, text, "/watches/" + watch.getId(), watch.getCreatedBy(),
                data);
    }

    private void fail(Watch watch, long checkId, Long sweepId, String why) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("watchId", watch.getId());
        data.put("checkId", checkId);
        data.put("endpoint", watch.getEndpoint());
        data.put("model", watch.getModel());
        data.put("error", why);
        store(checkId, CheckOutcome.FAILED, CheckResult.failed(sweepId, watch.getSourceSweepId(),
                watch.getMarginPct(), why), why, new Notice(NoticeKind.CHECK_FAILED, "Check failed: "
                + watch.getModel() + " on " + watch.getEndpoint(), why, "/watches/" + watch.getId(),
                watch.getCreatedBy(), data));
    }

    private boolean store(long checkId, CheckOutcome outcome, CheckResult result, String cause) {
        return store(checkId, outcome, result, cause, null);
    }

    /**
     * Ends a running check and, in the same transaction, tells the team ({@code notice}, may be null): the row is
     * locked and must still be running, so a check judged twice (an execution revived after missed heartbeats) is
     * stored and told once, and a crash in between loses neither.
     */
    private boolean store(long checkId, CheckOutcome outcome, CheckResult result, String cause, Notice notice) {
        String json = write(result);
        return Boolean.TRUE.equals(tx.execute(s -> checks.lock(checkId)
                .filter(c -> c.getStatus() == WatchCheck.Status.RUNNING).map(c -> {
                    c.done(outcome, json, cause);
                    if (notice != null) {
                        notifier.send(notice);
                    }
                    return true;
                }).orElse(false)));
    }

    /** The calibration of the watch's endpoint and model: every A/A check of every watch on them. */
    NoiseCalibration calibration(Watch watch) {
        List<NoiseCalibration.AaResult> results = new ArrayList<>();
        for (Watch other : watches.findAll()) {
            if (!other.getEndpoint().equals(watch.getEndpoint()) || !other.getModel().equals(watch.getModel())) {
                continue;
            }
            for (WatchCheck c : checks.findByWatchIdOrderById(other.getId())) {
                if (c.getKind() == WatchCheck.Kind.AA && c.getStatus() == WatchCheck.Status.DONE
                        && c.getOutcome() != CheckOutcome.FAILED) {
                    CheckJudge.Judgement j = result(c).judgement(c.getOutcome());
                    results.add(new NoiseCalibration.AaResult(j.logDelta(), j.logVariance(),
                            c.getOutcome() == CheckOutcome.REGRESSED || c.getOutcome() == CheckOutcome.IMPROVED));
                }
            }
        }
        return NoiseCalibration.of(results);
    }

    private SweepDefinition definition(Watch watch, WatchCheck.Kind kind, long checkId) {
        Map<String, Object> axes = new LinkedHashMap<>();
        Integer maxTokens = watch.getMaxTokens();
        if (kind == WatchCheck.Kind.CHECK) {
            options(watch).forEach((option, value) -> axes.put(option, List.of(value)));
        } else {
            // both arms the defaults: the one axis is the token cap both arms are sent anyway (a sweep needs an axis)
            maxTokens = maxTokens == null ? AA_TOKENS : maxTokens;
            axes.put("num_predict", List.of(maxTokens));
        }
        return new SweepDefinition("Watch " + watch.getId() + " · " + (kind == WatchCheck.Kind.AA ? "A/A check "
                : "check ") + checkId, kind == WatchCheck.Kind.AA
                ? "Ollama's defaults against themselves: how noisy this endpoint is (a watch's calibration)."
                : "A re-check of watched options against Ollama's defaults.", List.of(watch.getEndpoint()),
                watch.getModel(), new SweepDefinition.Workload(watch.getWorkload(), watch.getPrompt(), null), axes,
                Map.of(), kind == WatchCheck.Kind.AA ? null : baselineOptions(watch), watch.getRepetitions(), 1, false,
                null, null, true, maxTokens, null, true, null, null, null);
    }

    /** The model's mean share in GPU memory over the sweep's measured chimera calls, in %; null when unrecorded. */
    Double gpuShare(long sweepId) {
        double[] shares = measured.placed(sweepId, null).stream()
                .filter(c -> c.arm() == Arm.CHIMERA && !c.warmup() && c.sizeBytes() != null && c.sizeBytes() > 0
                        && c.sizeVramBytes() != null)
                .mapToDouble(c -> 100.0 * c.sizeVramBytes() / c.sizeBytes()).toArray();
        return shares.length == 0 ? null : mean(shares);
    }

    static String version(Sweep sweep) {
        try {
            return sweep.getEnvironment() == null ? null
                    : JSON.readTree(sweep.getEnvironment()).path("ollamaVersion").asText(null);
        } catch (JsonProcessingException unreadable) {
            return null;
        }
    }

    static WatchReference reference(Watch watch) {
        try {
            return JSON.readValue(watch.getReference(), WatchReference.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("watch " + watch.getId() + " has an unreadable reference", e);
        }
    }

    static CheckResult result(WatchCheck check) {
        try {
            return check.getResult() == null ? null : JSON.readValue(check.getResult(), CheckResult.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("check " + check.getId() + " has an unreadable result", e);
        }
    }

    static Map<String, Object> options(Watch watch) {
        return readMap(watch.getOptions());
    }

    static Map<String, Object> baselineOptions(Watch watch) {
        return watch.getBaselineOptions() == null ? null : readMap(watch.getBaselineOptions());
    }

    private static Map<String, Object> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable options: " + e.getMessage(), e);
        }
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not writable as JSON: " + e.getMessage(), e);
        }
    }

    /** The delta-method variance of the log of the reference's mean (s² / (n · mean²)), as RatioOfMeans uses it. */
    private static double referenceLogVariance(WatchReference reference) {
        Summary v = Summary.of(reference.chimeraTokPerSec());
        return Math.max(v.stdDev() * v.stdDev() / (v.n() * v.mean() * v.mean()), 1e-8);
    }

    /** The mean (at least one value: every caller has checked its sample's size). */
    static double mean(double[] values) {
        return Summary.of(values).mean();
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
