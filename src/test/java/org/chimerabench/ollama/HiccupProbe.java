package org.chimerabench.ollama;

import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * The machine's own hiccups, measured in the same run as a benchmark (like jHiccup): a thread parks for 0.2 ms
 * again and again and records how much later than asked it woke up. What the client under test cannot do better
 * than: a late wake-up of its reading thread is exactly such a hiccup.
 */
final class HiccupProbe {

    private static final long PARK_NANOS = 200_000;

    private final Thread thread;
    private volatile boolean running = true;
    private double[] lateMs = new double[1 << 16];
    private int count;

    private HiccupProbe() {
        thread = new Thread(this::loop, "hiccup-probe");
        thread.setDaemon(true);
    }

    static HiccupProbe start() {
        HiccupProbe probe = new HiccupProbe();
        probe.thread.start();
        return probe;
    }

    private void loop() {
        while (running) {
            long before = System.nanoTime();
            LockSupport.parkNanos(PARK_NANOS);
            double late = (System.nanoTime() - before - PARK_NANOS) / 1e6;
            if (count == lateMs.length) {
                lateMs = Arrays.copyOf(lateMs, count * 2);
            }
            lateMs[count++] = Math.max(0, late);
        }
    }

    /**
     * How late a thread wakes from {@code count} sleeps of {@code idle} each, in ms: the same wait a client's
     * reading thread has between sending a request and its first token.
     */
    static double[] wakeUpsAfter(java.time.Duration idle, int count) {
        double[] late = new double[count];
        for (int i = 0; i < count; i++) {
            long before = System.nanoTime();
            LockSupport.parkNanos(idle.toNanos());
            late[i] = Math.max(0, (System.nanoTime() - before - idle.toNanos()) / 1e6);
        }
        return late;
    }

    /** Stops the probe; how late each wake-up was, in ms. */
    double[] stop() throws InterruptedException {
        running = false;
        thread.join();
        return Arrays.copyOf(lateMs, count);
    }
}
