package org.chimerabench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.chimerabench.support.AdminHttp;
import org.chimerabench.support.Bench;
import org.chimerabench.support.PackagedApp;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Start-up to the login page, as a user starts the app: each start in a new empty folder (so it creates its database
 * and migrates it, as a first start does), the clock from launching {@code java} until {@code /login} answers 200.
 * Three ways, three starts each (medians), in the same run: the jar as it is ({@code java -jar}); the same jar with the
 * settings it had before the start-up work (repositories bootstrapped eagerly, Vaadin scanning com.vaadin too — the
 * reference); and the README's way for production: the jar extracted ({@code -Djarmode=tools extract}) with a class
 * data sharing archive made by one training start ({@code -XX:ArchiveClassesAtExit}, Spring Boot's documented
 * recipe). The jar is {@code -Dchimera.bench.jar=…} or the one {@code package} built. Run:
 * {@code ./mvnw -B verify -Pbench -Dtest=StartupBenchmarkTest}. The timeline of a start is in docs/measurement.md.
 */
@Tag("bench")
class StartupBenchmarkTest {

    private static final int STARTS = 3;

    @Test
    void startUpToTheLoginPage() throws Exception {
        Path jar = Path.of(System.getProperty("chimera.bench.jar", PackagedApp.jar().toString())).toAbsolutePath();
        double before = median("before", List.of("-jar", jar.toString(),
                "--spring.data.jpa.repositories.bootstrap-mode=default",
                "--vaadin.allowed-packages=com.vaadin,org.chimerabench"));
        double plain = median("plain_jar", List.of("-jar", jar.toString()));

        Path extracted = Files.createTempDirectory("chimera-extracted");
        run(List.of("-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", extracted.toString()),
                Files.createTempDirectory("chimera-extract"));
        Path application = extracted.resolve(jar.getFileName());
        Path archive = extracted.resolve("application.jsa");
        run(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                application.toString(), "--server.port=0", "--spring.profiles.active=default",
                "--spring.datasource.url=jdbc:h2:mem:training"), Files.createTempDirectory("chimera-training"));
        assertThat(archive).as("the training start wrote the archive").exists();
        double cds = median("extracted_cds", List.of("-XX:SharedArchiveFile=" + archive, "-jar",
                application.toString()));

        Bench.print("startup_to_login_ms", cds, "ms", 0);
        Bench.print("startup_to_login_plain_jar_ms", plain, "ms", 0);
        Bench.print("startup_to_login_before_ms", before, "ms", 0);
        Bench.print("startup_plain_jar_vs_before_ratio", plain / before, "ratio", 2);
        Bench.print("startup_extracted_cds_vs_before_ratio", cds / before, "ratio", 2);
    }

    /** The median of {@link #STARTS} starts, each in a new empty folder, to /login answering 200. */
    private static double median(String name, List<String> arguments) throws Exception {
        double[] millis = new double[STARTS];
        for (int i = 0; i < STARTS; i++) {
            millis[i] = toLogin(name + "-" + i, arguments);
            Bench.print("startup_" + name + "_run" + (i + 1) + "_ms", millis[i], "ms", 0);
        }
        return Bench.median(millis);
    }

    private static double toLogin(String name, List<String> arguments) throws Exception {
        int port = PackagedApp.freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(arguments);
        command.add("--server.port=" + port);
        Path log = Path.of("target", "startup-" + name + ".log").toAbsolutePath();
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(Files.createTempDirectory("chimera-start").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        AdminHttp http = new AdminHttp("http://127.0.0.1:" + port);
        try {
            while (true) {
                assertThat(process.isAlive()).as("started; see " + log).isTrue();
                try {
                    if (http.anonymousStatus("/login") == 200) {
                        return (System.nanoTime() - start) / 1e6;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                assertThat(System.nanoTime() - start).as("within 3 minutes").isLessThan(180_000_000_000L);
                Thread.sleep(50);
            }
        } finally {
            process.destroy();
            process.waitFor(60, TimeUnit.SECONDS);
        }
    }

    private static void run(List<String> arguments, Path folder) throws Exception {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(folder.resolve("output.log").toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
