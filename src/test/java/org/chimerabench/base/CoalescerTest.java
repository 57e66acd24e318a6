package org.chimerabench.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** A burst of signals becomes at most one run per interval, and the last signal is never dropped. */
class CoalescerTest {

    @Test
    void aBurstRunsAtMostOncePerIntervalAndTheLastSignalIsNotLost() throws Exception {
        List<Long> runs = new CopyOnWriteArrayList<>();
        try (Coalescer coalescer = Coalescer.atMostEvery(Duration.ofMillis(250), () -> runs.add(System.nanoTime()))) {
            long lastSignal = 0;
            long started = System.nanoTime();
            for (int i = 0; i < 60; i++) { // 60 signals over ~1.2 s
                coalescer.signal();
                lastSignal = System.nanoTime();
                Thread.sleep(20);
            }
            long signalledLast = lastSignal;
            await("a run after the last signal").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !runs.isEmpty() && runs.get(runs.size() - 1) > signalledLast);
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            assertThat(runs.size()).as("≤ 4 runs a second, plus the first, over %d ms", elapsedMs)
                    .isBetween(3, (int) (elapsedMs / 250) + 1);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i) - runs.get(i - 1)).as("gap between runs").isGreaterThanOrEqualTo(245_000_000L);
            }
            assertThat(runs.get(runs.size() - 1)).as("a run after the last signal").isGreaterThan(lastSignal);
        }
    }

    @Test
    void theFirstSignalRunsAtOnce() throws Exception {
        List<Long> runs = new CopyOnWriteArrayList<>();
        try (Coalescer coalescer = Coalescer.atMostEvery(Duration.ofSeconds(10), () -> runs.add(System.nanoTime()))) {
            long signalled = System.nanoTime();
            coalescer.signal();
            await("the first signal runs").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                    .until(() -> !runs.isEmpty());
            assertThat(runs).hasSize(1);
            assertThat(runs.get(0) - signalled).isLessThan(150_000_000L);
        }
    }

    @Test
    void nothingRunsAfterClose() throws Exception {
        List<Long> runs = new CopyOnWriteArrayList<>();
        Coalescer coalescer = Coalescer.atMostEvery(Duration.ofMillis(100), () -> runs.add(System.nanoTime()));
        coalescer.signal();
        Thread.sleep(50);
        coalescer.signal(); // pending for the next interval …
        coalescer.close(); // … and dropped
        coalescer.signal();
        Thread.sleep(250); // a window longer than the interval, in which nothing may run (a negative check)
        assertThat(runs).hasSize(1);
    }

    @Test
    void theIntervalMustBePositive() {
        assertThatThrownBy(() -> Coalescer.atMostEvery(Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
