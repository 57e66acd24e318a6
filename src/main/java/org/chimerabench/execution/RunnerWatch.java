package org.chimerabench.execution;

import java.util.List;
import org.chimerabench.base.Numbers;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.LoadedRunner;

/**
 * What one endpoint worker of a sweep knows of the model's runner (docs/architecture.md §4.2): the runner its own
 * calls loaded ({@link LoadedRunner}), the load the next call or batch is planned to pay, and the placement
 * {@code /api/ps} reported after the last call — so a call that ran on a placement someone else changed, or paid a
 * load nobody planned, is caught. Shared by the worker's batch threads, hence synchronized.
 */
final class RunnerWatch {

    private final LoadedRunner runner = LoadedRunner.empty();
    private ReloadReason planned;
    private Long lastVramBytes;

    synchronized LoadedRunner runner() {
        return runner;
    }

    /** The next call (or batch) is planned to pay a load for this reason; null = it runs warm. */
    synchronized void plan(ReloadReason reason) {
        planned = reason;
    }

    /** The load planned for the call about to end, taken (the next call runs warm unless planned again). */
    synchronized ReloadReason take() {
        ReloadReason reason = planned;
        planned = null;
        return reason;
    }

    /** The model was unloaded, or another client left it in a state we do not know. */
    synchronized void forget() {
        runner.forget();
        lastVramBytes = null;
    }

    /** What /api/ps said after a call of ours (null = not listed). */
    synchronized void seen(LoadedModel after) {
        lastVramBytes = after == null ? null : after.sizeVramBytes();
    }

    /**
     * Why the placement {@code /api/ps} shows before a call is not the one our last call left, when no load was
     * planned in between; null when it is (or nothing is known).
     */
    synchronized String movedBefore(LoadedModel before) {
        if (lastVramBytes == null || planned != null) {
            return null;
        }
        if (before == null) {
            return "the model was unloaded before this call by something else (another client, or"
                    + " OLLAMA_MAX_LOADED_MODELS)";
        }
        if (before.sizeVramBytes() != lastVramBytes) {
            return "the placement changed before this call (" + gib(lastVramBytes) + " → " + gib(before.sizeVramBytes())
                    + " in GPU memory): another client loaded the model with other options";
        }
        return null;
    }

    /**
     * A call (single) ended: marks the load it paid and whether it was disturbed; {@code moved} is what
     * {@link #movedBefore} said before it, {@code before}/{@code after} what /api/ps said around it. A disturbed call
     * leaves the runner unknown.
     */
    synchronized void ended(CallRecord record, String moved, LoadedModel before, LoadedModel after) {
        ReloadReason reason = take();
        String disturbance = moved;
        boolean paid = record.paidLoad(reason != null);
        if (paid) {
            record.loadedBecause(reason != null ? reason : ReloadReason.UNEXPECTED);
            if (reason == null && disturbance == null) {
                disturbance = "it paid a model load nobody planned: evicted or reloaded by another client";
            }
        }
        if (disturbance == null && !paid && before != null && after != null
                && before.sizeVramBytes() != after.sizeVramBytes()) {
            // /api/ps cannot say whether it changed during the call or just after: the call is not trusted
            disturbance = "the placement changed during or right after this call (" + gib(before.sizeVramBytes())
                    + " → " + gib(after.sizeVramBytes()) + " in GPU memory): another client loaded the model";
        }
        if (disturbance != null) {
            record.disturbedBy(disturbance);
            forget();
            return;
        }
        seen(after);
    }

    /** A batch ended: when any of its calls paid a load, the whole batch did (its calls queued behind it). */
    synchronized void batchEnded(List<CallRecord> records, LoadedModel after) {
        ReloadReason reason = take();
        boolean paid = records.stream().anyMatch(r -> r.paidLoad(reason != null));
        if (paid) {
            ReloadReason why = reason != null ? reason : ReloadReason.UNEXPECTED;
            records.forEach(r -> r.loadedBecause(why));
            if (reason == null) {
                records.forEach(r -> r.disturbedBy("its batch paid a model load nobody planned: evicted or reloaded"
                        + " by another client"));
                forget();
                return;
            }
        }
        seen(after);
    }

    private static String gib(long bytes) {
        return Numbers.number(bytes / (1024.0 * 1024 * 1024), 2) + " GiB";
    }
}
