package org.chimerabench.ollama;

import static org.chimerabench.ollama.BenchFigures.abs;
import static org.chimerabench.ollama.BenchFigures.print;
import static org.chimerabench.ollama.BenchFigures.quantile;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * How exact and how cheap the instrument is, against the scriptable fake on loopback. Prints
 * {@code BENCH name=value unit} lines; run with {@code ./mvnw -B verify -Pbench}.
 */
@Tag("bench")
class OllamaClientBenchmarkTest {

    static final long SCRIPTED_TTFT_MS = 50;

    /**
     * TTFT error over 200 calls against the scripted first-token delay, split into its parts, in a JVM that has
     * made 20,000 calls before (steady state: after 2,000 the median error was 0.1 ms and the p99 0.5–2 ms higher).
     * Each call alternates with the same exchange over a bare loopback socket (no HTTP client): the error a
     * zero-cost client would have on this machine at the same moment, the floor under ours.
     */
    @Test
    void ttftErrorAgainstTheScript() throws IOException {
        try (FakeOllama fake = FakeOllama.start();
             OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT);
             LoopbackFloor.Exchange bare = new LoopbackFloor.Exchange()) {
            for (int i = 0; i < 10; i++) { // 20,000 calls: the per-call path (headers, handler) is then C2-compiled
                MeasurementAccuracyTest.warmUp(fake, client);
            }
            Duration scripted = Duration.ofMillis(SCRIPTED_TTFT_MS);
            for (int i = 0; i < 2_000; i++) {
                bare.errorMs(Duration.ZERO);
            }
            fake.whenIdle(() -> FakeScript.stream("m").after(scripted).chunks(5, "tok", Duration.ofMillis(2)).done());
            fake.timings.clear();
            double[] errors = new double[200];
            double[] floor = new double[200];
            double[] sinceWrite = new double[200];
            double[] sentToArrived = new double[200];
            double[] headersToLine = new double[200];
            for (int i = 0; i < errors.length; i++) {
                StreamedCall call = client.generate(GenerateRequest.of("m", "prompt " + i, null));
                floor[i] = bare.errorMs(scripted);
                errors[i] = call.ttftMs() - SCRIPTED_TTFT_MS;
                long[] server = fake.timings.get(i);
                sinceWrite[i] = (call.sentAtNanos() + call.ttftMs() * 1e6 - server[1]) / 1e6;
                sentToArrived[i] = (server[0] - call.sentAtNanos()) / 1e6;
                headersToLine[i] = call.ttftMs() - call.timeToHeadersMs();
            }
            print("ttft_error_p99_ms", quantile(abs(errors), 0.99), "ms");
            print("ttft_error_median_ms", quantile(errors, 0.5), "ms");
            print("ttft_calls_over_1_ms", Arrays.stream(errors).filter(e -> Math.abs(e) > 1).count(), "");
            print("reference_bare_socket_error_p99_ms", quantile(abs(floor), 0.99), "ms");
            print("reference_bare_socket_error_median_ms", quantile(floor, 0.5), "ms");
            print("reference_bare_socket_exchanges_over_1_ms", Arrays.stream(floor).filter(e -> e > 1).count(), "");
            print("ttft_error_p99_over_bare_socket_ms", quantile(abs(errors), 0.99) - quantile(abs(floor), 0.99),
                    "ms");
            print("ttft_error_median_over_bare_socket_ms", quantile(errors, 0.5) - quantile(floor, 0.5), "ms");
            print("ttft_first_line_written_to_seen_median_ms", quantile(sinceWrite, 0.5), "ms");
            print("ttft_first_line_written_to_seen_p99_ms", quantile(sinceWrite, 0.99), "ms");
            print("ttft_headers_handled_to_first_line_median_ms", quantile(headersToLine, 0.5), "ms");
            print("ttft_headers_handled_to_first_line_p99_ms", quantile(headersToLine, 0.99), "ms");
            print("ttft_request_sent_to_arrived_median_ms", quantile(sentToArrived, 0.5), "ms");
            print("ttft_request_sent_to_arrived_p99_ms", quantile(sentToArrived, 0.99), "ms");
        }
    }

    /**
     * The same 200 calls with the fake in a JVM of its own, as a real Ollama is: its threads, JIT and collections
     * out of the client's JVM. Blocks of 20 calls alternate with 20 bare-socket exchanges run in the fake's JVM.
     */
    @Test
    void ttftErrorWithTheFakeInItsOwnProcess() throws IOException {
        try (FakeOllamaProcess fake = FakeOllamaProcess.start(5, Duration.ofMillis(2), Duration.ofMillis(20));
             OllamaClient client = new OllamaClient(fake.baseUrl, OllamaTimeouts.DEFAULT)) {
            fake.quick();
            for (int i = 0; i < 20_000; i++) {
                client.generate(GenerateRequest.of("m", "warm-up " + i, null));
            }
            fake.exchangeFloor(2_000, Duration.ZERO);
            fake.firstTokenAfter(Duration.ofMillis(SCRIPTED_TTFT_MS));
            double[] errors = new double[200];
            double[] floor = new double[0];
            StreamedCall[] calls = new StreamedCall[errors.length];
            for (int i = 0; i < errors.length; i++) {
                calls[i] = client.generate(GenerateRequest.of("m", "prompt " + i, null));
                errors[i] = calls[i].ttftMs() - SCRIPTED_TTFT_MS;
                if (i % 20 == 19) {
                    floor = BenchFigures.concat(floor, fake.exchangeFloor(20, Duration.ofMillis(SCRIPTED_TTFT_MS)));
                }
            }
            List<long[]> server = fake.timings();
            double[] sinceWrite = new double[errors.length];
            for (int i = 0; i < errors.length; i++) {
                sinceWrite[i] = (calls[i].sentAtNanos() + calls[i].ttftMs() * 1e6 - server.get(i)[1]) / 1e6;
            }
            print("own_process_ttft_error_p99_ms", quantile(abs(errors), 0.99), "ms");
            print("own_process_ttft_error_median_ms", quantile(errors, 0.5), "ms");
            print("own_process_ttft_calls_over_1_ms", BenchFigures.over(abs(errors), 1), "");
            print("own_process_reference_bare_socket_error_p99_ms", quantile(abs(floor), 0.99), "ms");
            print("own_process_reference_bare_socket_error_median_ms", quantile(floor, 0.5), "ms");
            print("own_process_ttft_first_line_written_to_seen_median_ms", quantile(sinceWrite, 0.5), "ms");
            print("own_process_ttft_first_line_written_to_seen_p99_ms", quantile(sinceWrite, 0.99), "ms");
        }
    }

    /** Our TTFT against curl's time_starttransfer on the same fake and script, alternately. */
    @Test
    void ttftRatioVsCurl() throws Exception {
        if (!new File("/usr/bin/curl").canExecute()) {
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

    /**
     * CPU the client's HTTP thread spends per call and per line, from calls of 1 and of 101 lines sent at once
     * (20,000 warm-up calls first). Per-call work runs on the thread every stream is read on, so when many streams
     * start or end together it is what makes the other streams' lines late.
     */
    @Test
    void httpThreadCpuPerCallAndPerLine() {
        try (FakeOllama fake = FakeOllama.start();
             OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            for (int i = 0; i < 10; i++) {
                MeasurementAccuracyTest.warmUp(fake, client);
            }
            double[] perCall = new double[2];
            int[] lines = {1, 101};
            for (int round = 0; round < 3; round++) { // the last round counts
                for (int k = 0; k < lines.length; k++) {
                    int count = lines[k];
                    fake.whenIdle(() -> FakeScript.stream("m").chunks(count, "t", Duration.ZERO).done());
                    long before = selectorCpu();
                    for (int i = 0; i < 2_000; i++) {
                        client.generate(GenerateRequest.of("m", "cost " + i, null));
                    }
                    perCall[k] = (selectorCpu() - before) / 2_000 / 1e3;
                }
            }
            print("http_thread_cpu_per_call_us", perCall[0], "us");
            print("http_thread_cpu_per_line_us", (perCall[1] - perCall[0]) / 100, "us");
        }
    }

    private static long selectorCpu() {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (long id : mx.getAllThreadIds()) {
            var info = mx.getThreadInfo(id);
            if (info != null && info.getThreadName().contains("SelectorManager")) {
                sum += mx.getThreadCpuTime(id);
            }
        }
        return sum;
    }

    private static double curlStartTransferMs(String baseUrl, String prompt) throws IOException, InterruptedException {
        Process curl = new ProcessBuilder("/usr/bin/curl", "-s", "-o", "/dev/null", "-w", "%{time_starttransfer}",
                "-H", "Content-Type: application/json", "-d",
                "{\"model\":\"m\",\"prompt\":\"" + prompt + "\"}", baseUrl + "/api/generate").start();
        String out = new String(curl.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        curl.waitFor();
        return Double.parseDouble(out) * 1000;
    }

}
