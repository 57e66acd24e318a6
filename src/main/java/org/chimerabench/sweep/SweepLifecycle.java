package org.chimerabench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.stats.Race;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one door through which other features change a sweep (docs/architecture.md §4): queue and cancel for the
 * operator, claim / record environment / record a round's decisions / end for the runner, store and append for
 * imports. Each method is one short transaction (it joins the caller's when there is one: an import stores the sweep
 * and its calls together). The sweep's repositories and its entities' setters are package-private, so nothing else
 * changes a sweep. A job the scheduler runs again (endpoints busy, the app stopping) changes nothing here: the sweep
 * stays QUEUED or RUNNING and its next {@link #claim} picks it up.
 */
@Service
public class SweepLifecycle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SweepRepository sweeps;
    private final EndpointService endpoints;
    private final AuditTrail audit;
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    SweepLifecycle(SweepRepository sweeps, EndpointService endpoints, AuditTrail audit,
                   ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.sweeps = sweeps;
        this.endpoints = endpoints;
        this.audit = audit;
        this.strategy = strategy;
    }

    /** What {@link #claim} found. */
    public enum Claim {
        /** The sweep is RUNNING on the caller now (it began, or resumes). */
        CLAIMED,
        /** Another sweep runs on one of its endpoints: it stays as it is (QUEUED) and is tried again later. */
        ENDPOINTS_BUSY,
        /** It is no longer queued or running (cancelled meanwhile): nothing to run. */
        NOT_ACTIVE
    }

    /**
     * DRAFT → QUEUED for the signed-in user (its owner or an admin), audited. The caller schedules the job in the
     * same transaction.
     *
     * @throws NoSuchElementException when there is no such sweep
     * @throws SweepStateException unless it is a draft
     * @throws org.springframework.security.access.AccessDeniedException unless the caller owns it or is an admin
     */
    @Transactional
    public void queue(long sweepId) {
        Sweep sweep = lock(sweepId);
        SweepOwner.check(sweep, strategy.getIfAvailable(), "start");
        sweep.queue();
        audit.record(AuditAction.SWEEP_STARTED, "sweep " + sweepId, null);
    }

    /**
     * QUEUED or RUNNING → CANCELLED for the signed-in user (its owner or an admin), audited; the calls stored so far
     * are kept.
     *
     * @throws NoSuchElementException when there is no such sweep
     * @throws SweepStateException unless it is queued or running
     * @throws org.springframework.security.access.AccessDeniedException unless the caller owns it or is an admin
     */
    @Transactional
    public void cancel(long sweepId, String message) {
        Sweep sweep = lock(sweepId);
        SweepOwner.check(sweep, strategy.getIfAvailable(), "cancel");
        sweep.cancel(message);
        audit.record(AuditAction.SWEEP_CANCELLED, "sweep " + sweepId, null);
    }

    /**
     * Claims the sweep's endpoints for {@code runner} ("host · pid 1234"): one sweep at a time per endpoint, across
     * every app instance on the database (§4 item 2). The endpoints' rows are locked while the other RUNNING sweeps
     * on them are looked up, so two instances cannot both claim a free endpoint; then the sweep is set RUNNING (again,
     * when it resumes after a restart) on the runner.
     */
    @Transactional
    public Claim claim(long sweepId, Collection<Long> endpointIds, String runner) {
        List<Long> sorted = endpointIds.stream().sorted().toList(); // one lock order for every instance
        endpoints.lockForRun(sorted);
        Sweep sweep = sweeps.lockById(sweepId).orElseThrow();
        if (!sweep.getStatus().active()) {
            return Claim.NOT_ACTIVE;
        }
        if (!sweeps.findRunningOnAnyOf(sweepId, sorted).isEmpty()) {
            return Claim.ENDPOINTS_BUSY;
        }
        sweep.begin(runner);
        return Claim.CLAIMED;
    }

    /** Stores the environment the sweep ran in (as JSON), unless one was stored already (a resumed sweep keeps its first). */
    @Transactional
    public void recordEnvironment(long sweepId, Map<String, Object> environment) {
        Sweep sweep = sweeps.lockById(sweepId).orElseThrow();
        if (sweep.getEnvironment() == null) {
            try {
                sweep.setEnvironment(JSON.writeValueAsString(environment));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * A race round's decisions (§6.6): each configuration in {@code stops} that has not stopped yet stops at
     * {@code round} for its reason. Returns the ids of the configurations stopped now (the caller drops their trials
     * not run yet, in the same transaction).
     */
    @Transactional
    public List<Long> recordDecisions(long sweepId, int round, Map<Long, Race.Stop> stops) {
        List<Long> stopped = new ArrayList<>();
        for (Configuration configuration : sweeps.findById(sweepId).orElseThrow().getConfigurations()) {
            Race.Stop stop = stops.get(configuration.getId());
            if (stop != null && configuration.getStopReason() == null) {
                configuration.stop(stop, round);
                stopped.add(configuration.getId());
            }
        }
        return stopped;
    }

    /**
     * Ends an active sweep as FINISHED, FAILED or CANCELLED, when its status allows it; otherwise (cancelled
     * meanwhile, deleted) nothing changes.
     */
    @Transactional
    public void end(long sweepId, SweepStatus outcome, String message) {
        sweeps.lockById(sweepId).ifPresent(sweep -> {
            if (sweep.getStatus().canMoveTo(outcome)) {
                sweep.end(outcome, message);
            }
        });
    }

    /** The sweep's status now. @throws NoSuchElementException when there is no such sweep */
    @Transactional(readOnly = true)
    public SweepStatus status(long sweepId) {
        return sweeps.findById(sweepId).orElseThrow().getStatus();
    }

    /**
     * An imported sweep: complete, one workload of unknown shape, with its axes (option → values, in order) and
     * configurations (grid order).
     */
    public record ImportedSweep(String name, String label, String sourceFile, String createdBy, String model,
                                Map<String, Object> fixedOptions, int repetitions, Map<String, List<Object>> axes,
                                List<Map<String, Object>> configurations) {
    }

    /** Stores an imported sweep; returns it with its configurations in grid order (stored, with their ids). */
    @Transactional
    public Sweep storeImported(ImportedSweep imported) {
        Sweep sweep = Sweep.imported(imported.name(), imported.label(), imported.sourceFile());
        sweep.setCreatedBy(imported.createdBy());
        sweep.setModel(imported.model());
        sweep.setFixedOptions(imported.fixedOptions());
        sweep.setRepetitions(imported.repetitions());
        imported.axes().forEach(sweep::addAxis);
        imported.configurations().forEach(sweep::addConfiguration);
        return sweeps.saveAndFlush(sweep);
    }

    /**
     * Appends configurations to an imported sweep: its axes take {@code axisValues} (option → every value now), its
     * source names the new files too, its repetitions are at least {@code repetitions}. Returns the new
     * configurations (stored, with their ids), in the order given.
     *
     * @throws SweepStateException when the sweep was measured here, not imported
     */
    @Transactional
    public List<Configuration> appendImported(long sweepId, Map<String, List<Object>> axisValues,
                                              List<Map<String, Object>> configurations, String sourceFile,
                                              int repetitions) {
        Sweep sweep = sweeps.findById(sweepId).orElseThrow(() -> new NoSuchElementException("there is no sweep "
                + sweepId));
        if (!sweep.isImported()) {
            throw new SweepStateException("Sweep " + sweepId + " was measured here; only imported sweeps grow.");
        }
        for (SweepAxis axis : sweep.getAxes()) {
            axis.setValues(axisValues.get(axis.getOptionName()));
        }
        List<Configuration> added = configurations.stream().map(sweep::addConfiguration).toList();
        sweep.setSourceFile(sourceFile);
        sweep.setRepetitions(Math.max(sweep.getRepetitions(), repetitions));
        sweeps.flush(); // managed: new configurations are persisted in place by cascade
        return added;
    }

    /** Marks an imported sweep as loaded from a bundled example (so loading it again finds it), and names it. */
    @Transactional
    public void markExample(long sweepId, String key, String name, String description) {
        sweeps.findById(sweepId).orElseThrow().markExample(key, name, description);
        sweeps.flush();
    }

    private Sweep lock(long sweepId) {
        return sweeps.lockById(sweepId).orElseThrow(() -> new NoSuchElementException("there is no sweep " + sweepId));
    }
}
