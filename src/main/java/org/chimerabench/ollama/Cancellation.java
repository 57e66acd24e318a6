package org.chimerabench.ollama;

import java.util.ArrayList;
import java.util.List;

/** Lets a caller abort a running call from another thread; the HTTP exchange is aborted at once. */
public final class Cancellation {

    private final List<Runnable> actions = new ArrayList<>();
    private boolean cancelled;

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        List<Runnable> toRun;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            toRun = List.copyOf(actions);
        }
        toRun.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs the action on cancel (at once when already cancelled). */
    void onCancel(Runnable action) {
        boolean runNow;
        synchronized (this) {
            runNow = cancelled;
            if (!runNow) {
                actions.add(action);
            }
        }
        if (runNow) {
            action.run();
        }
    }

    /** Drops an action registered with {@link #onCancel} (its call ended). */
    synchronized void forget(Runnable action) {
        actions.remove(action);
    }

    synchronized void clear() {
        actions.clear();
    }
}
