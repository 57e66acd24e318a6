package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import java.time.Instant;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepRepository;
import org.chimerabench.sweep.SweepStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts and cancels sweeps. Starting queues the persistent job; cancelling stops it within one call. */
@Service
public class ExecutionService {

    private final SweepRepository sweeps;
    private final SchedulerClient scheduler;
    private final OneTimeTask<Long> runSweepTask;
    private final SweepRunner runner;
    private final SweepEvents events;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    ExecutionService(SweepRepository sweeps, SchedulerClient scheduler, OneTimeTask<Long> runSweepTask,
                     SweepRunner runner, SweepEvents events, org.springframework.transaction.support.TransactionTemplate tx) {
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
     * @throws IllegalStateException when the sweep's state forbids it (already queued, running, finished, imported)
     */
    @Transactional
    public void start(long sweepId) {
        Sweep sweep = sweeps.findById(sweepId).orElseThrow(() -> new java.util.NoSuchElementException(
                "there is no sweep " + sweepId));
        if (sweep.getStatus() != SweepStatus.DRAFT) {
            throw new IllegalStateException("Sweep " + sweepId + " is " + sweep.getStatus()
                    + "; only a DRAFT sweep can be started");
        }
        sweep.changeStatus(SweepStatus.QUEUED, null);
        scheduler.schedule(runSweepTask.instance("sweep-" + sweepId, sweepId), Instant.now());
    }

    /**
     * Cancels a queued or running sweep: stored calls are kept; the running call is aborted.
     *
     * @throws IllegalStateException when the sweep is not queued or running
     */
    public void cancel(long sweepId) {
        boolean cancelled = Boolean.TRUE.equals(tx.execute(s -> cancelInDatabase(sweepId)));
        if (!cancelled) {
            throw new IllegalStateException("Sweep " + sweepId + " is neither queued nor running");
        }
        runner.abort(sweepId);
        events.changed(sweepId);
    }

    private Boolean cancelInDatabase(long sweepId) {
        Sweep sweep = sweeps.findById(sweepId).orElseThrow(() -> new java.util.NoSuchElementException(
                "there is no sweep " + sweepId));
        if (sweep.getStatus() != SweepStatus.QUEUED && sweep.getStatus() != SweepStatus.RUNNING) {
            return false;
        }
        sweep.changeStatus(SweepStatus.CANCELLED, "Cancelled by the operator; the calls stored so far are kept.");
        return true;
    }
}
