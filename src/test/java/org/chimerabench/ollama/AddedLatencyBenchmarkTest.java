package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chimerabench.ollama.BenchFigures.concat;
import static org.chimerabench.ollama.BenchFigures.over;
import static org.chimerabench.ollama.BenchFigures.print;
import static org.chimerabench.ollama.BenchFigures.quantile;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongUnaryOperator;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Latency the client adds per line with 32 concurrent streams × 200 chunks/s, and its CPU per 1,000 chunks.
 *
 * <p>Set-up: the fake runs in a JVM of its own, as a real Ollama does (a fake inside the client's JVM shares its
 * JIT compiler threads and garbage collections, which the same test with {@code same_jvm_} figures shows). The
 * client first makes 20,000 quick calls (its per-call path is then C2-compiled), then runs eight unmeasured and
 * eight measured half-second rounds. The 32 streams of a round start within one chunk period of each other, so
 * they also end together. Each round is followed by the same load over bare loopback sockets (two plain threads,
 * no HTTP, no client — run in the fake's JVM, so that its socket code neither pollutes the client JVM's JIT
 * profiles nor takes its compiler threads): the floor this machine puts under any client at the same moments,
 * printed alongside.
 */
@Tag("bench")
class AddedLatencyBenchmarkTest {

    static final int STREAMS = 32;
    static final int CHUNKS = 100; // half a second per round at 200 chunks/s
    static final Duration GAP = Duration.ofMillis(5);
    static final int ROUNDS = 8;

    /** The fake under load: where it listens, how to switch it, when it wrote each line. */
    interface LoadFake {
        String baseUrl();

        void quick() throws IOException;

        void paced() throws IOException;

        Map<String, long[]> lineTimes() throws IOException;

        /** The same load over bare loopback sockets, read − written per line in ms. */
        double[] floor() throws IOException;
    }

    @Test
    void addedLatencyUnderConcurrency() throws Exception {
        try (FakeOllamaProcess fake = FakeOllamaProcess.start(CHUNKS, GAP, Duration.ofMillis(20))) {
            measure("", new LoadFake() {
                public String baseUrl() {
                    return fake.baseUrl;
                }

                public void quick() throws IOException {
                    fake.quick();
                }

                public void paced() throws IOException {
                    fake.paced();
                }

                public Map<String, long[]> lineTimes() throws IOException {
                    return fake.lineTimes();
                }

                public double[] floor() throws IOException {
                    return fake.floor(STREAMS, CHUNKS, GAP);
                }
            });
        }
    }

    @Test
    void addedLatencyWithTheFakeInTheSameJvm() throws Exception {
        try (FakeOllama fake = FakeOllama.start()) {
            FakeScript paced = FakeScript.stream("m").after(Duration.ofMillis(20)).chunks(CHUNKS, "t", GAP).done();
            FakeScript quick = FakeScript.stream("m").chunks(5, "tok", Duration.ZERO).done();
            measure("same_jvm_", new LoadFake() {
                public String baseUrl() {
                    return fake.baseUrl();
                }

                public void quick() {
                    fake.paced(false).whenIdle(() -> quick);
                }

                public void paced() {
                    fake.paced(true).whenIdle(() -> paced);
                    fake.lineTimes.clear();
                }

                public Map<String, long[]> lineTimes() {
                    return fake.lineTimes;
                }

                public double[] floor() throws IOException {
                    return LoopbackFloor.streams(STREAMS, CHUNKS, GAP);
                }
            });
        }
    }

    private static void measure(String prefix, LoadFake fake) throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        ExecutorService callers = Executors.newFixedThreadPool(STREAMS, r -> new Thread(r, "bench-caller"));
        try (OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            fake.quick();
            for (int i = 0; i < 20_000; i++) {
                client.generate(GenerateRequest.of("m", "warm-up " + i, null));
            }
            fake.paced();
            for (int w = 0; w < 8; w++) { // client and floor rounds, until the JIT has compiled what they run
                calls(client, callers, "warm-up round " + w);
                fake.floor();
            }
            System.gc();
            Thread.sleep(200);
            long gcBefore = gcCount();
            long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
            long allocBefore = clientFigure(mx, ((com.sun.management.ThreadMXBean) mx)::getThreadAllocatedBytes);
            long cpuBefore = clientFigure(mx, mx::getThreadCpuTime);
            Map<String, StreamedCall> measured = new LinkedHashMap<>();
            double[] floor = new double[0];
            for (int r = 0; r < ROUNDS; r++) { // client and bare sockets alternately: the same machine moments
                measured.putAll(calls(client, callers, "measured round " + r));
                floor = concat(floor, fake.floor());
            }
            long cpu = clientFigure(mx, mx::getThreadCpuTime) - cpuBefore; // the client idles in floor rounds
            long allocated = clientFigure(mx, ((com.sun.management.ThreadMXBean) mx)::getThreadAllocatedBytes)
                    - allocBefore;
            long gcs = gcCount() - gcBefore;
            long jit = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore;

            Map<String, long[]> written = fake.lineTimes();
            List<Double> late = new ArrayList<>();
            double[] all = measured.entrySet().stream()
                    .flatMapToDouble(e -> Arrays.stream(added(written, e.getKey(), e.getValue(), late))).toArray();
            assertThat(all).hasSize(ROUNDS * STREAMS * CHUNKS);
            print(prefix + "added_latency_median_ms", quantile(all, 0.5), "ms");
            print(prefix + "added_latency_p90_ms", quantile(all, 0.90), "ms");
            print(prefix + "added_latency_p99_ms", quantile(all, 0.99), "ms");
            print(prefix + "added_latency_max_ms", quantile(all, 1.0), "ms");
            print(prefix + "reference_bare_socket_median_ms", quantile(floor, 0.5), "ms");
            print(prefix + "reference_bare_socket_p99_ms", quantile(floor, 0.99), "ms");
            print(prefix + "added_latency_p99_over_bare_socket_ms", quantile(all, 0.99) - quantile(floor, 0.99),
                    "ms");
            print(prefix + "late_lines_over_0_5_ms", over(all, 0.5), "");
            print(prefix + "late_line_episodes", episodes(late), "");
            print(prefix + "gc_collections_during_rounds", gcs, "");
            print(prefix + "jit_compiling_during_rounds_ms", jit, "ms");
            print(prefix + "client_allocated_per_chunk_bytes", allocated / (double) all.length, "B");
            print(prefix + "client_cpu_per_1000_chunks_ms", cpu / 1e6 / all.length * 1000, "ms");
        } finally {
            callers.shutdown();
        }
    }

    /** One round: the 32 streams, their starts spread over one chunk period; each stream's prompt and call. */
    private static Map<String, StreamedCall> calls(OllamaClient client, ExecutorService callers, String name)
            throws Exception {
        Map<String, CompletableFuture<StreamedCall>> results = new LinkedHashMap<>();
        long phase = GAP.toNanos() / STREAMS;
        long t0 = System.nanoTime() + 20_000_000L;
        for (int s = 0; s < STREAMS; s++) {
            String prompt = name + " stream " + s;
            long startAt = t0 + s * phase;
            results.put(prompt, CompletableFuture.supplyAsync(() -> {
                FakeOllama.waitUntil(startAt);
                return client.generate(GenerateRequest.of("m", prompt, null));
            }, callers));
        }
        Map<String, StreamedCall> calls = new LinkedHashMap<>();
        for (var entry : results.entrySet()) {
            calls.put(entry.getKey(), entry.getValue().get());
        }
        return calls;
    }

    /** Per content line: when the client saw it minus when the fake wrote it (one monotonic clock). */
    private static double[] added(Map<String, long[]> lineTimes, String prompt, StreamedCall call, List<Double> late) {
        long[] written = lineTimes.entrySet().stream().filter(e -> e.getKey().contains("\"" + prompt + "\""))
                .findFirst().orElseThrow().getValue();
        double[] added = new double[call.contentLines()];
        double seen = call.sentAtNanos() + call.ttftMs() * 1e6;
        for (int i = 0; i < added.length; i++) {
            if (i > 0) {
                seen += call.chunkGapsMs()[i - 1] * 1e6;
            }
            added[i] = (seen - written[i]) / 1e6;
            if (added[i] > 0.5) {
                late.add((double) written[i]);
            }
        }
        return added;
    }

    /** Late lines written within 10 ms of each other form one episode (a machine stall delays all streams). */
    private static int episodes(List<Double> writes) {
        double[] times = writes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int episodes = 0;
        for (int i = 0; i < times.length; i++) {
            if (i == 0 || times[i] - times[i - 1] > 10_000_000L) {
                episodes++;
            }
        }
        return episodes;
    }

    /** A per-thread figure summed over the client's threads: HTTP selector, watchdog and the calling threads. */
    private static long clientFigure(ThreadMXBean mx, LongUnaryOperator figure) {
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null && (info.getThreadName().startsWith("ollama-")
                    || info.getThreadName().startsWith("HttpClient") || info.getThreadName().startsWith("bench-caller"))) {
                sum += Math.max(0, figure.applyAsLong(id));
            }
        }
        return sum;
    }

    private static long gcCount() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(GarbageCollectorMXBean::getCollectionCount).sum();
    }
}
