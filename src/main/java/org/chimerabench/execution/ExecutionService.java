package org.chimerabench.execution;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.NoSuchElementException;
import org.chimerabench.base.Access;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepStarter;
import org.chimerabench.sweep.SweepStateException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Starts and cancels sweeps. Starting queues the persistent job; cancelling stops it within one call. */
@Service
public class ExecutionService implements SweepStarter {

    private final SweepLifecycle lifecycle;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> runSweepTask;
    private final SweepRunner runner;
    private final SweepEvents events;

    ExecutionService(SweepLifecycle lifecycle, SchedulerClient scheduler, CustomTask<Long> runSweepTask,
                     SweepRunner runner, SweepEvents events) {
        this.lifecycle = lifecycle;
        this.scheduler = scheduler;
        this.runSweepTask = runSweepTask;
        this.runner = runner;
        this.events = events;
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
        lifecycle.queue(sweepId); // in this transaction: queued and scheduled together, or neither
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
        lifecycle.cancel(sweepId, "Cancelled by the operator; the calls stored so far are kept.");
        runner.abort(sweepId);
        events.changed(sweepId);
    }
}
