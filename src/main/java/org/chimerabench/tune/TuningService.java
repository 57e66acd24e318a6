package org.chimerabench.tune;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.chimerabench.base.Access;
import org.chimerabench.base.CurrentUser;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.sweep.SweepStateException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tunings (issue 27, docs/architecture.md §4.3): an operator asks for one, anyone signed in reads them, the owner or
 * an admin cancels one. The search itself runs in the background ({@link TuningJob}, {@link TuningRunner}).
 */
@Service
public class TuningService {

    private final TuningStore store;
    private final EndpointService endpoints;
    private final SchedulerClient scheduler;
    private final CustomTask<Long> runTuningTask;
    private final TuningRunner runner;
    private final ExecutionService execution;
    private final TransactionTemplate tx;
    /** The app's own security-context strategy (several app contexts in one JVM each have theirs). */
    private final ObjectProvider<SecurityContextHolderStrategy> strategy;

    TuningService(TuningStore store, EndpointService endpoints, SchedulerClient scheduler,
                  @Qualifier("runTuningTask") CustomTask<Long> runTuningTask, TuningRunner runner,
                  ExecutionService execution, TransactionTemplate tx,
                  ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.store = store;
        this.endpoints = endpoints;
        this.scheduler = scheduler;
        this.runTuningTask = runTuningTask;
        this.runner = runner;
        this.execution = execution;
        this.tx = tx;
        this.strategy = strategy;
    }

    /**
     * Checks the request field by field (nothing is stored when a field is wrong), stores the tuning and queues it.
     *
     * @throws TuningValidationException with one message per wrong field
     */
    @PreAuthorize(Access.OPERATOR)
    public long create(TuningRequest request) {
        ValidTuning valid = ValidTuning.of(request, endpoints); // asks the endpoint for its models: no transaction yet
        String owner = CurrentUser.name(strategy.getIfAvailable()).orElse(null);
        return tx.execute(status -> {
            long id = store.create(valid, request, owner).getId();
            scheduler.schedule(runTuningTask.instance("tuning-" + id, id), Instant.now());
            return id;
        });
    }

    /** The tuning as the REST answer and the Tune view show it. */
    @PreAuthorize(Access.SIGNED_IN)
    public Optional<TuningReport> report(long id) {
        return store.find(id).map(this::report);
    }

    /** Every tuning, newest first. */
    @PreAuthorize(Access.SIGNED_IN)
    public List<TuningReport> list() {
        return store.all().stream().map(this::report).toList();
    }

    /** Whether the signed-in user may cancel it: its owner or an admin (for the UI; {@link #cancel} checks). */
    @PreAuthorize(Access.SIGNED_IN)
    public boolean mayCancel(long id) {
        return store.find(id).map(this::mayAct).orElse(false);
    }

    /**
     * Cancels a queued or running tuning and its running stage; what the stages stored is kept.
     *
     * @throws AccessDeniedException unless the caller owns it or is an admin
     * @throws NoSuchElementException when there is no such tuning
     * @throws SweepStateException when it is not queued or running
     */
    @PreAuthorize(Access.OPERATOR)
    public void cancel(long id) {
        Tuning tuning = store.find(id).orElseThrow(() -> new NoSuchElementException("there is no tuning " + id));
        if (!mayAct(tuning)) {
            throw new AccessDeniedException("Tuning " + id + " is " + tuning.getCreatedBy() + "'s; only its owner or"
                    + " an admin may cancel it");
        }
        if (!store.cancel(id, "Cancelled by " + CurrentUser.name(strategy.getIfAvailable()).orElse("an operator")
                + "; the stages' calls are kept.")) {
            throw new SweepStateException("Tuning " + id + " is " + tuning.getStatus().label().toLowerCase()
                    + "; only a queued or running tuning can be cancelled");
        }
        TuningState state = store.state(tuning);
        if (state.last() != null && state.last().sweepId() > 0 && !state.last().done()) {
            try {
                execution.cancel(state.last().sweepId());
            } catch (SweepStateException notRunning) {
                // the stage had just ended
            }
        }
    }

    private boolean mayAct(Tuning tuning) {
        return CurrentUser.isOwnerOrAdmin(tuning.getCreatedBy(), strategy.getIfAvailable());
    }

    private TuningReport report(Tuning tuning) {
        TuningState state = store.state(tuning);
        TuningRequest request = store.request(tuning);
        TuningBudget budget = runner.budget(tuning, state, request);
        boolean active = tuning.getStatus().active();
        List<TuningReport.StageLink> stages = state.stages().stream().filter(s -> s.sweepId() > 0)
                .map(s -> new TuningReport.StageLink(s.name(), s.sweepId(), s.configurations(), s.leader(),
                        s.leaderGainPct(), s.separated(), s.concurrency(), s.ttftP95Ms())).toList();
        return new TuningReport(tuning.getId(), tuning.getStatus().name(), tuning.getStatus().label(),
                tuning.getEndpoint(), tuning.getModel(), tuning.getObjective().wireName(),
                tuning.getObjective().label(), request, stages, budget.used(), active ? budget.left() : null,
                active ? budget.etaSeconds() : null, state.probe(), state.space(),
                state.feasibility() == null ? List.of() : state.feasibility().excluded(), state.answer(),
                tuning.getMessage(), tuning.getCreatedBy(), tuning.getCreatedAt());
    }
}
