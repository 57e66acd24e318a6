package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepOwner;
import org.chimerabench.sweep.SweepRepository;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStateException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Starts and cancels sweeps. Starting queues the persistent job; cancelling stops it within one call. */
@Service
public class ExecutionService implements SweepStarter {

    private final SweepRepository sweeps;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> runSweepTask;
    private final SweepRunner runner;
    private final SweepEvents events;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private final org.springframework.beans.factory.ObjectProvider<
            org.springframework.security.core.context.SecurityContextHolderStrategy> strategy;

    ExecutionService(SweepRepository sweeps, SchedulerClient scheduler, CustomTask<Long> runSweepTask,
                     SweepRunner runner, SweepEvents events, TransactionTemplate tx, AuditTrail audit,
                     org.springframework.beans.factory.ObjectProvider<org.springframework.security.core.context
                             .SecurityContextHolderStrategy> strategy) {
        this.strategy = strategy;
        this.audit = audit;
        this.sweeps = sweeps;
        this.scheduler = scheduler;
        this.runSweepTask = runSweepTask;
        this.runner = runner;
        this.events = events;
        this.tx = tx;
    }

    /**
     * Queues a DRAFT sweep to run.
     *
     * @throws SweepStateException when the sweep's state forbids it (already queued, running, finished, imported)
     * @throws org.springframework.security.access.AccessDeniedException unless the caller owns it or is an admin
     * @throws NoSuchElementException when there is no such sweep
     */
    @Override
    @Transactional
    @PreAuthorize(Access.OPERATOR)
    public void start(long sweepId) {
        Sweep sweep = find(sweepId);
        SweepOwner.check(sweep, strategy.getIfAvailable(), "start");
        sweep.queue();
        audit.record(AuditAction.SWEEP_STARTED, "sweep " + sweepId, null);
        scheduler.schedule(runSweepTask.instance("sweep-" + sweepId, sweepId), Instant.now());
    }

    /**
     * Cancels a queued or running sweep: stored calls are kept; the running call is aborted.
     *
     * @throws SweepStateException when the sweep is not queued or running
     * @throws org.springframework.security.access.AccessDeniedException unless the caller owns it or is an admin
     * @throws NoSuchElementException when there is no such sweep
     */
    @PreAuthorize(Access.OPERATOR)
    public void cancel(long sweepId) {
        tx.executeWithoutResult(s -> {
            Sweep sweep = find(sweepId);
            SweepOwner.check(sweep, strategy.getIfAvailable(), "cancel");
            sweep.cancel("Cancelled by the operator; the calls stored so far are kept.");
            audit.record(AuditAction.SWEEP_CANCELLED, "sweep " + sweepId, null);
        });
        runner.abort(sweepId);
        events.changed(sweepId);
    }

    private Sweep find(long sweepId) {
        return sweeps.lockById(sweepId).orElseThrow(() -> new NoSuchElementException("there is no sweep " + sweepId));
    }
}
