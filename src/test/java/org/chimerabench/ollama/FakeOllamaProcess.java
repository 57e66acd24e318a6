package org.chimerabench.ollama;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The paced fake Ollama in a JVM of its own (for load benchmarks: its threads, JIT and GC stay out of the client's
 * JVM). Both JVMs read the same monotonic clock ({@code System.nanoTime()} is CLOCK_MONOTONIC on Linux), so the
 * times the child wrote each line compare with the times the client saw them.
 */
final class FakeOllamaProcess implements AutoCloseable {

    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;
    final String baseUrl;

    private FakeOllamaProcess(Process process) throws IOException {
        this.process = process;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        String first = out.readLine();
        if (first == null || !first.startsWith("PORT ")) {
            throw new IOException("the fake process did not start: " + first);
        }
        baseUrl = "http://127.0.0.1:" + first.substring(5).trim();
    }

    /** A child JVM serving {@code chunks} lines {@code gap} apart after {@code first}, paced. */
    static FakeOllamaProcess start(int chunks, Duration gap, Duration first) throws IOException {
        Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-cp",
                System.getProperty("java.class.path"), FakeOllamaProcess.class.getName(), Integer.toString(chunks),
                Long.toString(gap.toMillis()), Long.toString(first.toMillis()))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        return new FakeOllamaProcess(process);
    }

    /** Request body → when each of its lines was written (System.nanoTime() of the child). */
    Map<String, long[]> lineTimes() throws IOException {
        Path file = Files.createTempFile("fake-lines", ".txt");
        in.println("DUMP " + file);
        String answer = out.readLine();
        if (!"DUMPED".equals(answer)) {
            throw new IOException("the fake process did not dump its line times: " + answer);
        }
        Map<String, long[]> times = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int tab = line.indexOf('\t');
            String[] values = line.substring(tab + 1).split(",");
            long[] parsed = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                parsed[i] = Long.parseLong(values[i]);
            }
            times.put(line.substring(0, tab), parsed);
        }
        Files.delete(file);
        return times;
    }

    /** Answers every request at once with a short unpaced stream (to warm the client's JIT up). */
    void quick() throws IOException {
        command("QUICK");
    }

    /**
     * Answers every request, unpaced, with its first line {@code first} after the request arrived (the fake spins
     * the last 0.3 ms to be on time) and 4 more 2 ms apart; forgets the timings recorded so far.
     */
    void firstTokenAfter(Duration first) throws IOException {
        command("TTFT " + first.toMillis());
    }

    /** Per stream since {@link #firstTokenAfter}, in order: when its request arrived and its first line was written. */
    List<long[]> timings() throws IOException {
        Path file = Files.createTempFile("fake-timings", ".txt");
        command("TIMINGS " + file);
        List<long[]> timings = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] values = line.split(",");
            timings.add(new long[] {Long.parseLong(values[0]), Long.parseLong(values[1])});
        }
        Files.delete(file);
        return timings;
    }

    /** Back to the paced stream; forgets the line times recorded so far. */
    void paced() throws IOException {
        command("PACED");
    }

    /**
     * The bare-socket floor ({@link LoopbackFloor#streams}) measured inside this child JVM, so that its socket code
     * neither shares the client JVM's JIT profiles nor its compiler threads.
     */
    double[] floor(int streams, int lines, Duration gap) throws IOException {
        Path file = Files.createTempFile("floor", ".txt");
        command("FLOOR " + streams + " " + lines + " " + gap.toMillis() + " " + file);
        double[] values = Files.readAllLines(file).stream().mapToDouble(Double::parseDouble).toArray();
        Files.delete(file);
        return values;
    }

    /** {@code count} bare-socket request/reply exchanges ({@link LoopbackFloor.Exchange}) in this JVM: error in ms. */
    double[] exchangeFloor(int count, Duration delay) throws IOException {
        Path file = Files.createTempFile("exchange-floor", ".txt");
        command("EXCHANGE " + count + " " + delay.toMillis() + " " + file);
        double[] values = Files.readAllLines(file).stream().mapToDouble(Double::parseDouble).toArray();
        Files.delete(file);
        return values;
    }

    private void command(String command) throws IOException {
        in.println(command);
        String answer = out.readLine();
        if (!"OK".equals(answer)) {
            throw new IOException("the fake process did not take " + command + ": " + answer);
        }
    }

    @Override
    public void close() {
        process.destroy();
    }

    /** The child: serve, print the port, dump line times on request. */
    public static void main(String[] args) throws IOException {
        int chunks = Integer.parseInt(args[0]);
        Duration gap = Duration.ofMillis(Long.parseLong(args[1]));
        Duration first = Duration.ofMillis(Long.parseLong(args[2]));
        FakeOllama fake = FakeOllama.start();
        LoopbackFloor.Exchange bare = new LoopbackFloor.Exchange();
        FakeScript script = FakeScript.stream("m").after(first).chunks(chunks, "t", gap).done();
        FakeScript quick = FakeScript.stream("m").chunks(5, "tok", Duration.ZERO).done();
        fake.paced(true).whenIdle(() -> script);
        System.out.println("PORT " + fake.port());
        System.out.flush();
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.equals("QUICK")) {
                fake.paced(false).whenIdle(() -> quick);
                System.out.println("OK");
                System.out.flush();
            } else if (command.equals("PACED")) {
                fake.paced(true).whenIdle(() -> script);
                fake.lineTimes.clear();
                fake.timings.clear();
                System.out.println("OK");
                System.out.flush();
            } else if (command.startsWith("EXCHANGE ")) {
                String[] words = command.split(" ");
                StringBuilder values = new StringBuilder();
                for (int i = 0; i < Integer.parseInt(words[1]); i++) {
                    values.append(bare.errorMs(Duration.ofMillis(Long.parseLong(words[2])))).append('\n');
                }
                Files.writeString(Path.of(words[3]), values);
                System.out.println("OK");
                System.out.flush();
            } else if (command.startsWith("TTFT ")) {
                FakeScript ttft = FakeScript.stream("m").after(Duration.ofMillis(Long.parseLong(command.substring(5))))
                        .chunks(5, "tok", Duration.ofMillis(2)).done();
                fake.paced(false).whenIdle(() -> ttft);
                fake.timings.clear();
                System.out.println("OK");
                System.out.flush();
            } else if (command.startsWith("TIMINGS ")) {
                StringBuilder dump = new StringBuilder();
                synchronized (fake.timings) {
                    for (long[] timing : fake.timings) {
                        dump.append(timing[0]).append(',').append(timing[1]).append('\n');
                    }
                }
                Files.writeString(Path.of(command.substring(8)), dump);
                System.out.println("OK");
                System.out.flush();
            } else if (command.startsWith("FLOOR ")) {
                String[] args2 = command.split(" ");
                double[] floor = LoopbackFloor.streams(Integer.parseInt(args2[1]), Integer.parseInt(args2[2]),
                        Duration.ofMillis(Long.parseLong(args2[3])));
                StringBuilder values = new StringBuilder();
                for (double value : floor) {
                    values.append(value).append('\n');
                }
                Files.writeString(Path.of(args2[4]), values);
                System.out.println("OK");
                System.out.flush();
            } else if (command.startsWith("DUMP ")) {
                StringBuilder dump = new StringBuilder();
                fake.lineTimes.forEach((body, times) -> {
                    dump.append(body.replace('\t', ' ').replace('\n', ' ')).append('\t');
                    for (int i = 0; i < times.length; i++) {
                        dump.append(i == 0 ? "" : ",").append(times[i]);
                    }
                    dump.append('\n');
                });
                Files.writeString(Path.of(command.substring(5)), dump);
                System.out.println("DUMPED");
                System.out.flush();
            }
        }
        bare.close();
        fake.close();
    }
}
