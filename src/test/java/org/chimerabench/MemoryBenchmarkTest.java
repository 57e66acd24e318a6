package org.chimerabench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.chimerabench.support.Bench;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up time and resident memory of the packaged app with the JVM options the README recommends
 * ({@link #RECOMMENDED}), next to the same jar with the JVM's defaults: idle after start-up, and the peak while a
 * simulator sweep runs (RSS from /proc, every 250 ms for a minute). The jar is {@code -Dchimera.bench.jar=…}
 * (e.g. the production build) or the one {@code package} left in target/; its Vaadin mode is printed. Run:
 * {@code ./mvnw -B verify -Pbench -Dtest=MemoryBenchmarkTest}.
 */
@Tag("bench")
class MemoryBenchmarkTest {

    /** The README's recommended JVM options (the README's "Memory" paragraph names the same). */
    static final List<String> RECOMMENDED = List.of("-Xmx256m", "-Xss512k", "-XX:MaxMetaspaceSize=192m",
            "-XX:ReservedCodeCacheSize=64m", "-XX:+UseSerialGC");

    @Test
    void startUpAndResidentMemory() throws Exception {
        Path jar = Path.of(System.getProperty("chimera.bench.jar", PackagedApp.jar().toString()));
        Bench.print("jar_production_mode", productionMode(jar) ? 1 : 0, "flag", 0);
        measure("defaults", jar, List.of());
        measure("recommended", jar, RECOMMENDED);
    }

    private static void measure(String name, Path jar, List<String> jvm) throws Exception {
        Path data = Files.createTempDirectory("chimera-memory");
        long start = System.nanoTime();
        try (PackagedApp app = PackagedApp.start("memory-" + name, jar, jvm, Map.of(),
                "--spring.datasource.url=jdbc:h2:file:" + data.resolve("db").toAbsolutePath(),
                "--chimera.simulator.time-scale=0.25")) {
            Bench.print(name + "_startup_until_api_answers", (System.nanoTime() - start) / 1e9, "s");
            Thread.sleep(20_000); // idle: background checks only
            app.get("/api/sweeps");
            Bench.print(name + "_rss_idle", rssMegabytes(app.pid()), "MB");

            long id = app.post("/api/sweeps", """
                    {"name":"memory","endpoints":["Built-in simulator"],"model":"llama3.2-sim:3b",
                     "workload":{"type":"SINGLE_PROMPT","prompt":"Explain GPU offloading."},
                     "axes":{"num_ctx":[2048,4096,8192],"num_gpu":[16,24,32]},"repetitions":20,
                     "maxTokens":64}""").get("id").asLong();
            app.post("/api/sweeps/" + id + "/start", "");
            double peak = 0;
            long deadline = System.nanoTime() + 60_000_000_000L;
            long done = 0;
            for (int sample = 1; System.nanoTime() < deadline; sample++) {
                peak = Math.max(peak, rssMegabytes(app.pid()));
                Thread.sleep(250);
                if (sample % 8 == 0) { // every 2 s: the sweep's progress
                    JsonNode sweep = app.get("/api/sweeps/" + id);
                    done = sweep.at("/progress/done").asLong();
                    if (!"RUNNING".equals(sweep.get("status").asText()) && done > 0) {
                        break;
                    }
                }
            }
            app.get("/api/sweeps/" + id + "/analysis");
            peak = Math.max(peak, rssMegabytes(app.pid()));
            Bench.print(name + "_rss_peak_during_sweep", peak, "MB");
            Bench.print(name + "_calls_stored_while_sampled", done, "calls");
            assertThat(done).as("the sweep ran while memory was sampled").isPositive();
        }
    }

    /** Resident set size of the process (VmRSS in /proc/<pid>/status), in MB. */
    static double rssMegabytes(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", ""))).findFirst().orElseThrow() / 1024.0;
    }

    private static boolean productionMode(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            var entry = zip.stream().filter(e -> e.getName().endsWith("flow-build-info.json")).findFirst();
            if (entry.isEmpty()) {
                return false;
            }
            return new String(zip.getInputStream(entry.get()).readAllBytes()).replace(" ", "")
                    .contains("\"productionMode\":true");
        }
    }
}
