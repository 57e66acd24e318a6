package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.List;
import org.chimerabench.ollama.Cancellation;

/** The shared state of one running sweep: its workers' cancellations and the failure count. */
final class SweepRun {
    private final List<Cancellation> cancellations = new ArrayList<>();
    private int attempted;
    private int failed;
    private boolean stopped;

    synchronized Cancellation newCancellation() {
        Cancellation cancellation = new Cancellation();
        cancellations.add(cancellation);
        if (stopped) {
            cancellation.cancel();
        }
        return cancellation;
    }

    /** A cancellation no longer needed (its calls ended): not kept for the rest of the run. */
    synchronized void forget(Cancellation cancellation) {
        cancellations.remove(cancellation);
    }

    void stop() {
        List<Cancellation> toCancel;
        synchronized (this) {
            stopped = true;
            toCancel = List.copyOf(cancellations);
        }
        toCancel.forEach(Cancellation::cancel);
    }

    synchronized boolean stopped() {
        return stopped;
    }

    /** Counts a finished trial; true when the failures now pass the threshold (only once). */
    synchronized boolean count(boolean ok, double maxFailureRate) {
        attempted++;
        if (!ok) {
            failed++;
        }
        return !stopped && attempted >= 4 && failed > maxFailureRate * attempted;
    }

    synchronized String failures() {
        return failed + " of " + attempted;
    }

    synchronized int failed() {
        return failed;
    }
}
