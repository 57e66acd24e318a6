package org.chimerabench.base.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.chimerabench.support.PackagedApp;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What a user can get wrong at start, tried on the packaged jar as a user starts it (in a folder of its own, its
 * defaults otherwise): each refusal is one line "Chimera Bench did not start: what is wrong. What to do." — no stack
 * trace, no framed report — and the exit code is not 0. The six starts run at once (each fails within seconds).
 */
@ResourceLock("packaged-app") // one packaged app under test at a time, beside one browser test
@Order(5) // longest first, packaged-app and browser tests alternating
class StartupFailuresIT {

    private static final String LINE = "Chimera Bench did not start: ";

    /** A start in its own folder: the arguments and environment it gets, what the refusal must say. */
    record Case(String name, Path folder, Map<String, String> environment, List<String> arguments,
                List<String> mustSay) {
    }

    /** How a start ended: its exit code and its output. */
    record Outcome(int exitCode, List<String> lines) {
    }

    @Test
    void eachKnownProblemIsOneLineSayingWhatToDoAndANonZeroExitCode() throws Exception {
        List<AutoCloseable> held = new ArrayList<>();
        List<Case> cases = new ArrayList<>();
        try {
            ServerSocket taken = new ServerSocket(0);
            held.add(taken);
            cases.add(new Case("port-in-use", folder(), Map.of(), List.of("--server.port=" + taken.getLocalPort()),
                    List.of("Port " + taken.getLocalPort() + " is in use", "--server.port=")));

            Path notWritable = folder();
            Files.writeString(notWritable.resolve("data"), "a file where the data folder should be");
            cases.add(new Case("data-not-writable", notWritable, Map.of(), List.of(),
                    List.of(notWritable.resolve("data") + " for the database files cannot be written",
                            "start the app in another folder")));

            Path locked = folder();
            held.add(DriverManager.getConnection(h2Url(locked), "sa", "")); // another program has the files open
            cases.add(new Case("database-in-use", locked, Map.of(), List.of(),
                    List.of("is in use by another running Chimera Bench", "Stop that one first")));

            Path newer = folder();
            writtenByANewerVersion(newer);
            cases.add(new Case("newer-version", newer, Map.of(), List.of(),
                    List.of("written by a newer version of Chimera Bench (schema version 99; this version knows up"
                            + " to " + StartupChecks.newestMigration() + ")", "restore the backup")));

            int closed = PackagedApp.freePort();
            cases.add(new Case("postgres-not-answering", folder(),
                    Map.of("CHIMERA_DB_URL", "jdbc:postgresql://127.0.0.1:" + closed + "/chimera",
                            "CHIMERA_DB_USER", "chimera"),
                    List.of("--spring.profiles.active=postgres"),
                    List.of("The PostgreSQL server at 127.0.0.1:" + closed + " does not answer",
                            "Start it, or set CHIMERA_DB_URL")));

            cases.add(new Case("auto-server", folder(), Map.of(),
                    List.of("--spring.datasource.url=jdbc:h2:file:./data/chimera-bench;AUTO_SERVER=TRUE"),
                    List.of("spring.datasource.url sets AUTO_SERVER=TRUE", "Remove ;AUTO_SERVER=TRUE")));

            ExecutorService starts = Executors.newFixedThreadPool(cases.size());
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (Case c : cases) {
                outcomes.add(starts.submit(() -> start(c)));
            }
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                Outcome outcome = outcomes.get(i).get(5, TimeUnit.MINUTES);
                List<String> refusals = outcome.lines().stream().filter(line -> line.contains(LINE)).toList();
                assertThat(refusals).as(c.name() + ": one line says why").hasSize(1);
                assertThat(refusals.get(0)).as(c.name()).contains(c.mustSay());
                assertThat(outcome.lines()).as(c.name() + ": no stack trace, no framed report")
                        .noneMatch(line -> line.startsWith("\tat ") || line.startsWith("Caused by:")
                                || line.contains("APPLICATION FAILED TO START") || line.contains("Exception:"));
                assertThat(outcome.exitCode()).as(c.name() + ": exit code").isNotZero();
            }
            starts.shutdown();
        } finally {
            for (AutoCloseable resource : held) {
                resource.close();
            }
        }
    }

    private static Outcome start(Case c) throws Exception {
        Path log = Path.of("target", "startup-failure-" + c.name() + ".log").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(PackagedApp.launch());
        command.addAll(c.arguments());
        if (c.arguments().stream().noneMatch(argument -> argument.startsWith("--server.port="))) {
            command.add("--server.port=" + PackagedApp.freePort());
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(c.folder().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CHIMERA_") || key.startsWith("SPRING_"));
        builder.environment().putAll(c.environment());
        Process process = builder.start();
        if (!process.waitFor(4, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(c.name() + ": still running after 4 minutes; see " + log);
        }
        return new Outcome(process.exitValue(), Files.readAllLines(log));
    }

    /** The database of the folder, migrated by this version, then marked as migrated by a future one (V99). */
    private static void writtenByANewerVersion(Path folder) throws Exception {
        String url = h2Url(folder);
        Flyway.configure().dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\","
                    + " \"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\")"
                    + " VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 1, 'sa', 1, TRUE)");
        }
    }

    /** The database a start in this folder opens on its defaults. */
    private static String h2Url(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("data/chimera-bench").toAbsolutePath();
    }

    private static Path folder() throws Exception {
        return Files.createTempDirectory("chimera-refused");
    }
}
