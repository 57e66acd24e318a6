package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How exact and how cheap the instrument is, against the scriptable fake on loopback. Prints
 * {@code BENCH name=value unit} lines; run with {@code ./mvnw -B verify -Pbench}.
 */
@Tag("bench")
class OllamaClientBenchmarkTest {

    static final long SCRIPTED_TTFT_MS = 50;

    /** TTFT error over 200 calls against the scripted first-token delay, split into its parts. */
    @Test
    void ttftErrorAgainstTheScript() {
        try (FakeOllama fake = FakeOllama.start();
             OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            MeasurementAccuracyTest.warmUp(fake, client);
            fake.whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(SCRIPTED_TTFT_MS))
                    .chunks(5, "tok", Duration.ofMillis(2)).done());
            fake.timings.clear();
            double[] errors = new double[200];
            double[] sinceWrite = new double[200];
            for (int i = 0; i < errors.length; i++) {
                long start = System.nanoTime();
                StreamedCall call = client.generate(GenerateRequest.of("m", "prompt " + i, null));
                errors[i] = call.ttftMs() - SCRIPTED_TTFT_MS;
                long[] server = fake.timings.get(i);
                sinceWrite[i] = (start + call.ttftMs() * 1e6 - server[1]) / 1e6;
            }
            print("ttft_error_p99_ms", quantile(abs(errors), 0.99), "ms");
            print("ttft_error_median_ms", quantile(errors, 0.5), "ms");
            print("ttft_first_line_written_to_seen_median_ms", quantile(sinceWrite, 0.5), "ms");
            print("ttft_first_line_written_to_seen_p99_ms", quantile(sinceWrite, 0.99), "ms");
        }
    }

    /** Our TTFT against curl's time_starttransfer on the same fake and script, alternately. */
    @Test
    void ttftRatioVsCurl() throws Exception {
        if (!new java.io.File("/usr/bin/curl").canExecute()) {
            System.out.println("BENCH ttft_ratio_vs_curl skipped: /usr/bin/curl is not installed");
            return;
        }
        try (FakeOllama fake = FakeOllama.start();
             OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            MeasurementAccuracyTest.warmUp(fake, client);
            fake.whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(SCRIPTED_TTFT_MS))
                    .chunks(5, "tok", Duration.ofMillis(2)).done());
            double[] ours = new double[40];
            double[] curl = new double[40];
            for (int i = 0; i < ours.length; i++) {
                ours[i] = client.generate(GenerateRequest.of("m", "ours " + i, null)).ttftMs();
                curl[i] = curlStartTransferMs(fake.baseUrl(), "curl " + i);
            }
            print("ttft_ours_median_ms", quantile(ours, 0.5), "ms");
            print("ttft_curl_median_ms", quantile(curl, 0.5), "ms");
            print("ttft_ratio_vs_curl", quantile(ours, 0.5) / quantile(curl, 0.5), "x");
        }
    }

    /** 32 concurrent streams × 200 chunks/s: latency the client adds per line, and its CPU per 1,000 chunks. */
    @Test
    void addedLatencyUnderConcurrency() throws Exception {
        int streams = 32;
        int chunks = 200;
        try (FakeOllama fake = FakeOllama.start();
             OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            MeasurementAccuracyTest.warmUp(fake, client);
            fake.spinWait(false).whenIdle(() -> FakeScript.stream("m").after(Duration.ofMillis(20))
                    .chunks(chunks, "t", Duration.ofMillis(5)).done());
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            ExecutorService callers = Executors.newFixedThreadPool(streams, r -> new Thread(r, "bench-caller"));
            long cpuBefore = clientCpu(mx);
            List<CompletableFuture<double[]>> results = new ArrayList<>();
            for (int s = 0; s < streams; s++) {
                String prompt = "stream " + s;
                results.add(CompletableFuture.supplyAsync(() -> {
                    long start = System.nanoTime();
                    StreamedCall call = client.generate(GenerateRequest.of("m", prompt, null));
                    return added(fake, prompt, start, call);
                }, callers));
            }
            List<Double> added = new ArrayList<>();
            for (CompletableFuture<double[]> r : results) {
                Arrays.stream(r.get()).forEach(added::add);
            }
            long cpu = clientCpu(mx) - cpuBefore;
            callers.shutdown();
            double[] all = added.stream().mapToDouble(Double::doubleValue).toArray();
            assertThat(all).hasSize(streams * chunks);
            print("added_latency_median_ms", quantile(all, 0.5), "ms");
            print("added_latency_p99_ms", quantile(all, 0.99), "ms");
            print("client_cpu_per_1000_chunks_ms", cpu / 1e6 / (streams * chunks) * 1000, "ms");
        }
    }

    /** Per content line: when the client saw it minus when the fake wrote it (same JVM clock). */
    private static double[] added(FakeOllama fake, String prompt, long start, StreamedCall call) {
        String body = fake.requestBodies().stream().filter(b -> b.contains("\"" + prompt + "\"")).findFirst()
                .orElseThrow();
        long[] written = fake.lineTimes.get(body);
        double[] added = new double[call.contentLines()];
        double seen = start + call.ttftMs() * 1e6;
        for (int i = 0; i < added.length; i++) {
            if (i > 0) {
                seen += call.chunkGapsMs()[i - 1] * 1e6;
            }
            added[i] = (seen - written[i]) / 1e6;
        }
        return added;
    }

    /** CPU time of the client's threads (HTTP workers, selector, watchdog) and of the calling threads. */
    private static long clientCpu(ThreadMXBean mx) {
        long total = 0;
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info == null) {
                continue;
            }
            String name = info.getThreadName();
            if (name.startsWith("ollama-") || name.startsWith("HttpClient") || name.startsWith("bench-caller")) {
                total += Math.max(0, mx.getThreadCpuTime(id));
            }
        }
        return total;
    }

    private static double curlStartTransferMs(String baseUrl, String prompt) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{time_starttransfer}",
                "-H", "Content-Type: application/json", "-d",
                "{\"model\":\"m\",\"prompt\":\"" + prompt + "\"}", baseUrl + "/api/generate").start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        curl.waitFor();
        return Double.parseDouble(out) * 1000;
    }

    private static double[] abs(double[] values) {
        return Arrays.stream(values).map(Math::abs).toArray();
    }

    private static double quantile(double[] values, double p) {
        return org.chimerabench.stats.Quantiles.of(values, p);
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(Locale.ROOT, "BENCH %s=%.3f %s%n", name, value, unit);
    }
}
