package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 25: lookups ({@code /api/version}, {@code /api/tags}, {@code /api/ps}, …) were read with no bound of time or
 * size — a server that sends its headers and then a byte every 2 s held its caller (an endpoint check, the editor,
 * the sweep runner) forever; one that never stops sending could fill the heap. Now a lookup ends within its timeout
 * (connect + 5 s), reads at most 8 MB, and a Cancel aborts it at once.
 */
class BoundedLookupsTest {

    /** Connect 1 s: a lookup's whole answer within 6 s. */
    static final OllamaTimeouts TIMEOUTS = new OllamaTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(30),
            Duration.ofSeconds(30), Duration.ofMinutes(5));

    @Test
    void aTricklingAnswerEndsWithinTheLookupTimeout() throws Exception {
        try (TricklingOllama server = TricklingOllama.trickling("/api/version");
             OllamaClient client = new OllamaClient(server.baseUrl(), TIMEOUTS)) {
            long start = System.nanoTime();
            assertThatThrownBy(client::version).isInstanceOfSatisfying(OllamaException.class, e -> {
                assertThat(e.kind()).isEqualTo(OllamaException.Kind.TOTAL_TIMEOUT);
                assertThat(e.getMessage()).contains("No complete answer from").contains("within 6 s");
            });
            double seconds = (System.nanoTime() - start) / 1e9;
            assertThat(seconds).as("ended at the 6 s bound").isBetween(5.5, 8.0);
            assertThat(server.slowAnswers()).isEqualTo(1);
        }
    }

    @Test
    void anEndlessAnswerStopsAtTheSizeBoundWithoutFillingTheHeap() throws Exception {
        try (TricklingOllama server = TricklingOllama.endless("/api/tags");
             OllamaClient client = new OllamaClient(server.baseUrl(), TIMEOUTS)) {
            System.gc();
            Runtime runtime = Runtime.getRuntime();
            long usedBefore = runtime.totalMemory() - runtime.freeMemory();
            assertThatThrownBy(client::tags).isInstanceOfSatisfying(OllamaException.class, e ->
                    assertThat(e.getMessage()).contains("is larger than 8 MB"));
            assertThat(server.bytesSent()).as("the client stopped reading").isLessThan(64L << 20);
            System.gc();
            long usedAfter = runtime.totalMemory() - runtime.freeMemory();
            assertThat(usedAfter - usedBefore).as("nothing of it kept").isLessThan(32L << 20);
        }
    }

    @Test
    void aCancelAbortsAStuckLookupAtOnce() throws Exception {
        try (TricklingOllama server = TricklingOllama.trickling("/api/ps");
             OllamaClient client = new OllamaClient(server.baseUrl(), TIMEOUTS)) {
            Cancellation cancellation = Cancellation.none();
            CompletableFuture<Object> lookup = CompletableFuture.supplyAsync(() -> {
                try {
                    return client.loaded("m", cancellation);
                } catch (OllamaException e) {
                    return e;
                }
            });
            await("the lookup hangs").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                    .until(() -> server.slowAnswers() > 0);
            long cancelledAt = System.nanoTime();
            cancellation.cancel();
            Object outcome = lookup.get(2, TimeUnit.SECONDS);
            assertThat((System.nanoTime() - cancelledAt) / 1e9).as("seconds from Cancel to the end").isLessThan(2.0);
            assertThat(outcome).isInstanceOfSatisfying(OllamaException.class, e ->
                    assertThat(e.kind()).isEqualTo(OllamaException.Kind.CANCELLED));
        }
    }
}
