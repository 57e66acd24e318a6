package org.chimerabench.ollama;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A scriptable Ollama on loopback (real HTTP/1.1 over a socket; test fixture). Each {@code /api/generate} or
 * {@code /api/chat} request plays the next queued {@link FakeScript} (or the default). Like Go's net/http behind
 * the real server: TCP_NODELAY, no headers until the first line is ready — status line, headers and the first
 * NDJSON chunk leave in <em>one</em> write — one chunk per line, keep-alive connections, errors before the stream
 * as a status with {@code {"error":…}}. Lines follow an absolute schedule (spin-waiting the last 0.3 ms), so the
 * scripted delays are the ground truth; {@link #timings} records when each stream's request arrived and when its
 * first line was written.
 */
public final class FakeOllama implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-ollama");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<FakeScript> queue = new ConcurrentLinkedQueue<>();
    private final List<String> requestBodies = Collections.synchronizedList(new ArrayList<>());
    /** System.nanoTime() when each streamed request arrived and when its first line was written. */
    final List<long[]> timings = Collections.synchronizedList(new ArrayList<>());
    /** Every generate/chat request served: its body, when it arrived and when its reply ended (System.nanoTime()). */
    private final List<Served> served = Collections.synchronizedList(new ArrayList<>());

    /** One served generate/chat request (arrival = its request line read; finish = the end of its reply written). */
    public record Served(String body, long arrivedNanos, long finishedNanos) {
    }

    /** Request body → System.nanoTime() of every line written for it (for latency benchmarks). */
    final Map<String, long[]> lineTimes = new ConcurrentHashMap<>();
    private volatile Supplier<FakeScript> defaultScript = () -> FakeScript.stream("fake").after(
            Duration.ofMillis(5)).chunk("Hello").chunk(" world").done();
    private volatile boolean paced;
    private final DelayQueue<Pending> pacerQueue = new DelayQueue<>();
    private final AtomicBoolean pacerStarted = new AtomicBoolean();
    private volatile String tags = "{\"models\":[]}";
    private volatile String ps = "{\"models\":[]}";
    private volatile String show = "{\"details\":{},\"model_info\":{}}";

    private FakeOllama(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true); // a fake can come back on the port of one that was closed ("endpoint down")
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        threads.execute(this::acceptLoop);
    }

    /** {@code /api/tags} listing one model, {@code m:latest} (what most sweep tests run). */
    public static final String ONE_MODEL_TAGS = "{\"models\":[{\"name\":\"m:latest\",\"size\":1,\"details\":{}}]}";

    public static FakeOllama start() {
        return startOn(0);
    }

    /** A fake on this loopback port (0 = any free one). */
    public static FakeOllama startOn(int port) {
        try {
            return new FakeOllama(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Ollama", e);
        }
    }

    public int port() {
        return server.getLocalPort();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    public FakeOllama enqueue(FakeScript script) {
        queue.add(script);
        return this;
    }

    public FakeOllama whenIdle(Supplier<FakeScript> script) {
        defaultScript = script;
        return this;
    }

    /**
     * Load mode: one pacer thread writes the lines of every stream, parking until each is due (±0.1 ms, no
     * spinning), instead of a thread per stream spin-waiting the last 0.3 ms before each line (precise schedule,
     * one busy core per stream). Tests with many concurrent streams must not starve the client under test.
     */
    public FakeOllama paced(boolean value) {
        paced = value;
        return this;
    }

    public FakeOllama tags(String json) {
        tags = json;
        return this;
    }

    public FakeOllama ps(String json) {
        ps = json;
        return this;
    }

    public FakeOllama show(String json) {
        show = json;
        return this;
    }

    public List<String> requestBodies() {
        synchronized (requestBodies) {
            return List.copyOf(requestBodies);
        }
    }

    /** The generate/chat requests served so far, in the order they ended. */
    public List<Served> served() {
        synchronized (served) {
            return List.copyOf(served);
        }
    }

    /** Connections the server still has open. */
    public int openConnections() {
        connections.removeIf(Socket::isClosed);
        return connections.size();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        connections.forEach(FakeOllama::closeQuietly);
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Serves requests on one keep-alive connection until the client closes it. */
    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = readLine(in);
                if (requestLine == null) {
                    return;
                }
                long arrived = System.nanoTime();
                Map<String, String> headers = new HashMap<>();
                for (String line = readLine(in); line != null && !line.isEmpty(); line = readLine(in)) {
                    int colon = line.indexOf(':');
                    headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                String path = requestLine.split(" ")[1];
                if (!respond(path, body, arrived, out)) {
                    return;
                }
            }
        } catch (IOException clientWentAway) {
            // the client closed the connection (timeouts, cancellation)
        } finally {
            connections.remove(socket);
        }
    }

    /** @return false when the connection must be closed afterwards */
    private boolean respond(String path, String body, long arrived, OutputStream out) throws IOException {
        switch (path) {
            case "/" -> fixed(out, 200, "text/plain; charset=utf-8", "Ollama is running");
            case "/api/version" -> fixed(out, 200, "application/json; charset=utf-8", "{\"version\":\"0.32.15\"}");
            case "/api/tags" -> fixed(out, 200, "application/json; charset=utf-8", tags);
            case "/api/ps" -> fixed(out, 200, "application/json; charset=utf-8", ps);
            case "/api/show" -> fixed(out, 200, "application/json; charset=utf-8", show);
            case "/api/generate", "/api/chat" -> {
                requestBodies.add(body);
                FakeScript script = queue.poll();
                boolean keepOpen = play(script != null ? script : defaultScript.get(), arrived, out, body);
                served.add(new Served(body, arrived, System.nanoTime()));
                return keepOpen;
            }
            default -> fixed(out, 404, "text/plain", "404 page not found");
        }
        return true;
    }

    private boolean play(FakeScript script, long arrived, OutputStream out, String request) throws IOException {
        if (script.body != null) {
            fixed(out, script.status, script.contentType, script.body);
            return true;
        }
        long due = arrived;
        boolean headersSent = false;
        long[] written = new long[script.steps.size()];
        lineTimes.put(request, written); // filled as lines go out; a line's time is set before the next is written
        byte[][] packets = packets(script); // rendered up front: nothing to build between the schedule and the write
        if (paced && packets.length > 0) {
            return pace(script, packets, arrived, written, out);
        }
        int index = 0;
        for (FakeScript.Step step : script.steps) {
            due += step.delayNanos();
            waitUntil(due);
            long now = System.nanoTime(); // the line leaves now: the write below hands it to the kernel
            out.write(packets[index]); // headers go out together with the first line, in one write
            out.flush();
            written[index++] = now;
            if (!headersSent) {
                timings.add(new long[] {arrived, now});
                headersSent = true;
            }
        }
        if (!headersSent) {
            out.write(head(script.status, script.contentType, "Transfer-Encoding: chunked"));
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** One line of a paced stream, due at {@code due}. */
    private record Pending(long due, FakeScript script, byte[][] packets, int index, long arrived, long[] written,
                           OutputStream out, CompletableFuture<Void> done)
            implements Delayed {

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(due, ((Pending) other).due);
        }
    }

    /** Hands the stream to the pacer and waits until its last line and the end of the body are written. */
    private boolean pace(FakeScript script, byte[][] packets, long arrived, long[] written, OutputStream out)
            throws IOException {
        if (pacerStarted.compareAndSet(false, true)) {
            threads.execute(this::pacer);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pacerQueue.put(new Pending(arrived + script.steps.get(0).delayNanos(), script, packets, 0, arrived, written,
                out, done));
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("closing", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    /** The one thread that writes every paced line when it is due. */
    private void pacer() {
        while (!server.isClosed()) {
            Pending line;
            try {
                line = pacerQueue.take();
            } catch (InterruptedException closing) {
                return;
            }
            long now = System.nanoTime();
            try {
                line.out().write(line.packets()[line.index()]);
                line.out().flush();
            } catch (IOException gone) {
                line.done().completeExceptionally(gone);
                continue;
            }
            line.written()[line.index()] = now;
            if (line.index() == 0) {
                timings.add(new long[] {line.arrived(), now});
            }
            int next = line.index() + 1;
            if (next == line.packets().length) {
                line.done().complete(null);
            } else {
                pacerQueue.put(new Pending(line.due() + line.script().steps.get(next).delayNanos(), line.script(),
                        line.packets(), next, line.arrived(), line.written(), line.out(), line.done()));
            }
        }
    }

    /** Each step's bytes on the wire: chunk size, the NDJSON line, CRLF — the first one preceded by the headers. */
    private static byte[][] packets(FakeScript script) throws IOException {
        byte[][] packets = new byte[script.steps.size()][];
        for (int i = 0; i < packets.length; i++) {
            byte[] line = (script.steps.get(i).line() + "\n").getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream packet = new ByteArrayOutputStream(line.length + 256);
            if (i == 0) {
                packet.write(head(script.status, script.contentType, "Transfer-Encoding: chunked"));
            }
            packet.write((Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            packet.write(line);
            packet.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            packets[i] = packet.toByteArray();
        }
        return packets;
    }

    private static void fixed(OutputStream out, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(head(status, type, "Content-Length: " + bytes.length));
        out.write(bytes);
        out.flush();
    }

    private static byte[] head(int status, String type, String framing) {
        return ("HTTP/1.1 " + status + " " + reason(status) + "\r\nContent-Type: " + type + "\r\nDate: "
                + DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(
                        ZoneOffset.UTC)) + "\r\n" + framing + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                String text = line.toString(StandardCharsets.US_ASCII);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.US_ASCII);
    }

    /** Parks until ~0.3 ms before the deadline, then spins: sub-millisecond precision. */
    static void waitUntil(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            if (left > 300_000) {
                LockSupport.parkNanos(left - 300_000);
            } else {
                Thread.onSpinWait();
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
