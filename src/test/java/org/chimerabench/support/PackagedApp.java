package org.chimerabench.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.util.FileSystemUtils;

/**
 * The jar that {@code package} built, run as its own process (Failsafe's integration tests run after it): the app
 * on a port, or the standalone simulator. Its output goes to {@code target/<name>.log}.
 */
public final class PackagedApp implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;
    private final AdminHttp api;

    private PackagedApp(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.api = new AdminHttp(baseUrl());
    }

    /**
     * The jar as a newcomer starts it: {@code java -jar …} in {@code folder} with nothing but a free port — no
     * datasource URL, no admin password, none of the environment's CHIMERA_, SPRING_ or SERVER_ variables. Returns
     * once {@code /login} answers 200.
     */
    public static PackagedApp asNewcomer(String name, Path folder) throws Exception {
        int port = freePort();
        Path log = Path.of("target", name + ".log").toAbsolutePath();
        ProcessBuilder builder = new ProcessBuilder(java(), "-jar", jar().toAbsolutePath().toString(),
                "--server.port=" + port).directory(folder.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(key -> key.startsWith("CHIMERA_") || key.startsWith("SPRING_")
                || key.startsWith("SERVER_") || key.equals("PORT"));
        PackagedApp app = new PackagedApp(builder.start(), port, log);
        await(() -> app.answersWithoutLogin("/login"), 180);
        return app;
    }

    /**
     * JVM options of the packaged-app tests that check behaviour, not start-up (every start here but
     * {@link #asNewcomer}): a short-lived app on 2 cores needs no C2 compiler and no concurrent collector. With C1 only
     * and the serial collector the jar answers /login after 19 s of CPU instead of 32 (13.7 s instead of 17.8 s of
     * wall time; measured here). The app itself is the shipped jar on its defaults. The options are the pom's
     * {@code test.jvm}, handed over by Failsafe as {@code chimera.test.jvm}.
     */
    public static final List<String> TEST_JVM = List.of(System.getProperty("chimera.test.jvm",
            "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC").trim().split("\\s+"));

    /** Starts the dashboard on a free port with the given options and environment; returns once the API answers. */
    public static PackagedApp start(String name, Map<String, String> environment, String... options)
            throws Exception {
        return start(name, launch(), environment, options);
    }

    /**
     * How the tests that check behaviour, not start-up, launch the packaged jar: {@link #TEST_JVM}, then the jar as
     * Spring Boot's own {@code -Djarmode=tools extract} lays it out (the same classes, the libraries beside it
     * instead of nested) with a class-data archive of what a start loads (AppCDS, as Spring Boot documents for
     * production). A start then takes about half the CPU: 9.5 s instead of 18.7 s until "Started" on this machine
     * (C1 only; measured here), a third of that was spent reading the nested jars. The extraction and the archive
     * are made once per test JVM (a training start that stops after its context refreshed, ~14 s) and again only when
     * the jar changed. {@link #asNewcomer} keeps to {@code java -jar} on the jar itself.
     */
    public static synchronized List<String> launch() throws Exception {
        if (launch == null) {
            launch = prepareLaunch();
        }
        return launch;
    }

    private static List<String> launch;

    private static List<String> prepareLaunch() throws Exception {
        Path jar = jar().toAbsolutePath();
        Path folder = Path.of("target", "extracted-app").toAbsolutePath();
        Path stamp = folder.resolve("extracted-from");
        String from = jar + " " + Files.getLastModifiedTime(jar).toMillis() + " " + Files.size(jar);
        Path extracted = folder.resolve(jar.getFileName());
        Path archive = folder.resolve("app.jsa");
        if (!Files.exists(stamp) || !Files.readString(stamp).equals(from)) {
            FileSystemUtils.deleteRecursively(folder);
            run("extracting the jar", List.of(java(), "-Djarmode=tools", "-jar", jar.toString(), "extract",
                    "--destination", folder.toString()));
            List<String> training = new ArrayList<>(List.of(java()));
            training.addAll(TEST_JVM);
            training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                    "-jar", extracted.toString(), "--server.port=0", "--chimera.endpoints.offer-local=false",
                    "--spring.datasource.url=jdbc:h2:mem:class-data-training",
                    "--chimera.security.bootstrap-admin-password=" + TestUsers.ADMIN_PASSWORD));
            run("the class-data training start", training);
            Files.writeString(stamp, from);
        }
        List<String> command = new ArrayList<>(TEST_JVM);
        if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.addAll(List.of("-jar", extracted.toString()));
        return List.copyOf(command);
    }

    private static void run(String what, List<String> command) throws Exception {
        Path log = Path.of("target", "extracted-app.log").toAbsolutePath();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError(what + " failed; see " + log);
        }
    }

    /** The same with another jar (e.g. the production build) and JVM options (e.g. {@code -Xmx256m}). */
    public static PackagedApp start(String name, Path jar, List<String> jvmOptions, Map<String, String> environment,
                                    String... options) throws Exception {
        List<String> launch = new ArrayList<>(jvmOptions);
        launch.addAll(List.of("-jar", jar.toString()));
        return start(name, launch, environment, options);
    }

    private static PackagedApp start(String name, List<String> launch, Map<String, String> environment,
                                     String... options) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launch);
        command.addAll(List.of("--server.port=" + port,
                "--chimera.endpoints.offer-local=false",
                "--chimera.security.bootstrap-admin-password=" + TestUsers.ADMIN_PASSWORD));
        command.addAll(List.of(options));
        Path log = Path.of("target", name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        PackagedApp app = new PackagedApp(builder.start(), port, log);
        await(() -> app.answers("/api/sweeps"), 120);
        return app;
    }

    /** Starts the standalone simulator ({@code --chimera.mode=simulator}) on a free port. */
    public static PackagedApp simulator(String name, String... options) throws Exception {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(launch());
        command.addAll(List.of("--chimera.mode=simulator", "--server.port=" + port));
        command.addAll(List.of(options));
        Path log = Path.of("target", name + ".log");
        PackagedApp simulator = new PackagedApp(new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start(), port, log);
        await(() -> simulator.answers("/api/version"), 60);
        return simulator;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** What the process has written so far (its standard output and error). */
    public String log() throws IOException {
        return Files.readString(log);
    }

    /** The REST API as another user (HTTP Basic). */
    public AdminHttp as(String username, String password) {
        return new AdminHttp(baseUrl(), TestUsers.basic(username, password));
    }

    /** kill -9: no shutdown hooks run; a job it held stays "picked" in the database. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /** Whether the process answers 200 at the path (false while it starts; fails once it has stopped). */
    private boolean answers(String path) throws InterruptedException {
        return answers(path, true);
    }

    private boolean answersWithoutLogin(String path) throws InterruptedException {
        return answers(path, false);
    }

    private boolean answers(String path, boolean signedIn) throws InterruptedException {
        if (!process.isAlive()) {
            throw new AssertionError("the process stopped during start-up (exit code " + process.exitValue()
                    + "); see " + log);
        }
        try {
            return (signedIn ? api.status(path) : api.anonymousStatus(path)) == 200;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** GET with the test admin's credentials; the body as JSON. */
    public JsonNode get(String path) throws IOException, InterruptedException {
        return api.get(path);
    }

    /** POST of a JSON body with the test admin's credentials; the answer as JSON (empty body: null). */
    public JsonNode post(String path, String body) throws IOException, InterruptedException {
        return api.post(path, body);
    }

    /** A condition polled until it holds. */
    public interface Check {
        boolean ok() throws Exception;
    }

    public static void await(Check check, int seconds) throws Exception {
        try {
            Awaitility.await().atMost(Duration.ofSeconds(seconds)).pollInterval(Duration.ofMillis(200))
                    .pollInSameThread().until(check::ok);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("condition not met within " + seconds + " s", e);
        }
    }

    public static Path jar() throws IOException {
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "chimera-bench-*.jar")) {
            for (Path jar : jars) {
                return jar;
            }
        }
        throw new AssertionError("no packaged jar in target/ (the integration tests run after `package`)");
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
