package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;
import java.util.function.Supplier;
import org.chimerabench.ollama.Cancellation;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.sweep.Load;
import org.chimerabench.sweep.Sweep;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one batch — the trials of one configuration, arm and repetition at the configuration's load — with every call
 * of it in flight together (concurrency N: N trials started at once) or sent at its seeded Poisson arrival time
 * (request rate: each of its {@link Load#RATE_BATCH_REQUESTS} calls on its own thread). The batch's calls are
 * stored together when the last one ends, so a batch is stored whole or not at all: one cut off by a cancel or a
 * restart leaves its trials unfinished, and the resumed sweep runs it again whole.
 */
final class BatchRunner {

    /** What one finished trial of the batch gave. */
    record Outcome(Trial trial, List<CallRecord> calls) {

        boolean ok() {
            return !calls.isEmpty() && calls.stream().allMatch(c -> c.getStatus() == CallStatus.OK);
        }
    }

    private final Sweep sweep;
    private final SweepRun run;
    private final Function<Cancellation, TrialCaller> callers;
    private final TrialRepository trials;
    private final CallRecordRepository calls;
    private final SweepEvents events;
    private final TransactionTemplate tx;
    private final Runnable warmUp;
    private final RunnerWatch watch;
    private final Supplier<LoadedModel> loaded;

    /**
     * {@code warmUp}: a cheap request on the client, so the batch's first call does not open the connection;
     * {@code watch}: judges whether the batch paid a load; {@code loaded}: what /api/ps says of the model.
     */
    BatchRunner(Sweep sweep, SweepRun run, Function<Cancellation, TrialCaller> callers, TrialRepository trials,
                CallRecordRepository calls, SweepEvents events, TransactionTemplate tx, Runnable warmUp,
                RunnerWatch watch, Supplier<LoadedModel> loaded) {
        this.warmUp = warmUp;
        this.watch = watch;
        this.loaded = loaded;
        this.sweep = sweep;
        this.run = run;
        this.callers = callers;
        this.trials = trials;
        this.calls = calls;
        this.events = events;
        this.tx = tx;
    }

    /** Runs and stores the batch; empty when it was cut off (nothing of it stored). */
    List<Outcome> run(List<Trial> batch) {
        Trial first = batch.get(0);
        Load load = sweep.loadOf(first.getConfiguration());
        long[] offsets = load.paced()
                ? Arrivals.poisson(Arrivals.seed(sweep.getShuffleSeed() == null ? 0 : sweep.getShuffleSeed(),
                        first.getConfiguration().getPosition(), first.getArm(), first.getRepetition(),
                        first.isWarmup()), load.requestRate(), batch.size())
                : new long[batch.size()];
        tx.executeWithoutResult(s -> batch.forEach(trial -> { // an interrupted earlier run of the batch is replaced
            calls.deleteByTrialId(trial.getId());
            trials.findById(trial.getId()).orElseThrow().markRunning();
        }));
        events.changed(sweep.getId());
        warmUp.run();
        List<Outcome> outcomes = measure(batch, load, offsets);
        if (outcomes == null) {
            return List.of();
        }
        watch.batchEnded(outcomes.stream().flatMap(o -> o.calls().stream()).toList(), lastPlacement());
        tx.executeWithoutResult(s -> outcomes.forEach(outcome -> {
            Trial managed = trials.findById(outcome.trial().getId()).orElseThrow();
            outcome.calls().forEach(call -> calls.save(call.rebind(managed)));
            managed.markFinished(outcome.ok());
        }));
        events.changed(sweep.getId());
        return outcomes;
    }

    /** The batch's trials, each on its own thread and cancellation; null when the run was stopped meanwhile. */
    private List<Outcome> measure(List<Trial> batch, Load load, long[] offsets) {
        int threads = Math.min(batch.size(), load.inFlight());
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "sweep-" + sweep.getId() + "-batch");
            thread.setDaemon(true);
            return thread;
        });
        CountDownLatch ready = new CountDownLatch(threads);
        long[] start = new long[1];
        CountDownLatch go = new CountDownLatch(1);
        List<Cancellation> cancellations = new ArrayList<>();
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Trial trial = batch.get(i);
                long offset = offsets[i];
                boolean gated = i < threads;
                Cancellation cancellation = run.newCancellation();
                cancellations.add(cancellation);
                futures.add(pool.submit(() -> {
                    if (gated) { // the first wave starts together, not one thread after another
                        ready.countDown();
                        go.await();
                    }
                    waitUntil(start[0] + offset);
                    return new Outcome(trial, callers.apply(cancellation).measure(trial, load));
                }));
            }
            ready.await();
            start[0] = System.nanoTime();
            go.countDown();
            List<Outcome> outcomes = new ArrayList<>();
            for (Future<Outcome> future : futures) {
                outcomes.add(future.get());
            }
            return run.stopped() || cancellations.stream().anyMatch(Cancellation::isCancelled) ? null : outcomes;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop();
            return null;
        } catch (ExecutionException e) {
            run.stop();
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            cancellations.forEach(run::forget);
        }
    }

    private LoadedModel lastPlacement() {
        try {
            return loaded.get();
        } catch (OllamaException e) {
            return null;
        }
    }

    /** Parks until 1 ms before, then spins: a parked thread can wake several ms late on a busy machine. */
    private static void waitUntil(long nanoTime) {
        for (long left = nanoTime - System.nanoTime(); left > 1_000_000; left = nanoTime - System.nanoTime()) {
            LockSupport.parkNanos(left - 1_000_000);
        }
        while (System.nanoTime() < nanoTime) {
            Thread.onSpinWait();
        }
    }
}
