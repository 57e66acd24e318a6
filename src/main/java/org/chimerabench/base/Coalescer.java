package org.chimerabench.base;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Turns a burst of signals into at most one run of an action per interval, and never drops the last signal: a
 * signal that arrives while a run is pending is absorbed by it; one that arrives after a run schedules the next
 * run for when the interval has passed. Runs happen on a shared daemon timer thread.
 */
public final class Coalescer implements AutoCloseable {

    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "coalescer");
        thread.setDaemon(true);
        return thread;
    });

    private final long intervalNanos;
    private final Runnable action;
    private final ScheduledExecutorService timer;
    private boolean scheduled;
    private boolean closed;
    private long lastRun = Long.MIN_VALUE;

    private Coalescer(Duration interval, Runnable action, ScheduledExecutorService timer) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive, got " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.action = action;
        this.timer = timer;
    }

    /** At most one run of {@code action} per {@code interval}, on the shared timer thread. */
    public static Coalescer atMostEvery(Duration interval, Runnable action) {
        return new Coalescer(interval, action, TIMER);
    }

    /** Asks for a run: at once if the last run is older than the interval, else when the interval has passed. */
    public synchronized void signal() {
        if (scheduled || closed) {
            return;
        }
        scheduled = true;
        long now = System.nanoTime();
        long delay = lastRun == Long.MIN_VALUE ? 0 : Math.max(0, lastRun + intervalNanos - now);
        timer.schedule(this::fire, delay, TimeUnit.NANOSECONDS);
    }

    private void fire() {
        synchronized (this) {
            scheduled = false;
            if (closed) {
                return;
            }
            lastRun = System.nanoTime();
        }
        action.run();
    }

    /** No run after this (a pending one is dropped). */
    @Override
    public synchronized void close() {
        closed = true;
    }
}
