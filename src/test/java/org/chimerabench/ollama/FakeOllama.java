package org.chimerabench.ollama;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * A scriptable Ollama on loopback (real HTTP, test fixture). Each {@code /api/generate} or {@code /api/chat}
 * request takes the next queued {@link FakeScript} (or the default). Like the real server it sends no headers
 * until the first line is ready, writes one JSON object per line with a flush after each (chunked NDJSON), and
 * answers errors before the stream as a status with {@code {"error":…}}. Line times follow an absolute schedule
 * (spin-waiting the last part), so the scripted delays are the ground truth to ±0.1 ms.
 */
public final class FakeOllama implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-ollama");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentLinkedQueue<FakeScript> queue = new ConcurrentLinkedQueue<>();
    private final List<String> requestBodies = new CopyOnWriteArrayList<>();
    private volatile Supplier<FakeScript> defaultScript = () -> FakeScript.stream("fake").after(
            java.time.Duration.ofMillis(5)).chunk("Hello").chunk(" world").done();
    private volatile String tags = "{\"models\":[]}";
    private volatile String ps = "{\"models\":[]}";
    private volatile String show = "{\"details\":{},\"model_info\":{}}";

    private FakeOllama() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeOllama start() {
        try {
            return new FakeOllama();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the fake Ollama", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeOllama enqueue(FakeScript script) {
        queue.add(script);
        return this;
    }

    public FakeOllama whenIdle(Supplier<FakeScript> script) {
        defaultScript = script;
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
        return requestBodies;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long arrived = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            switch (path) {
                case "/" -> send(exchange, 200, "text/plain; charset=utf-8", "Ollama is running");
                case "/api/version" -> send(exchange, 200, "application/json; charset=utf-8", "{\"version\":\"0.32.15\"}");
                case "/api/tags" -> send(exchange, 200, "application/json; charset=utf-8", tags);
                case "/api/ps" -> send(exchange, 200, "application/json; charset=utf-8", ps);
                case "/api/show" -> send(exchange, 200, "application/json; charset=utf-8", show);
                case "/api/generate", "/api/chat" -> {
                    requestBodies.add(body);
                    FakeScript script = queue.poll();
                    play(exchange, script != null ? script : defaultScript.get(), arrived);
                }
                default -> send(exchange, 404, "text/plain", "404 page not found");
            }
        } catch (IOException clientWentAway) {
            // the client closed the connection (timeouts, cancellation): nothing more to send
        }
    }

    private static void play(HttpExchange exchange, FakeScript script, long arrived) throws IOException {
        if (script.body != null) {
            send(exchange, script.status, script.contentType, script.body);
            return;
        }
        long due = arrived;
        OutputStream out = null;
        for (FakeScript.Step step : script.steps) {
            due += step.delayNanos();
            waitUntil(due);
            if (out == null) { // headers go out together with the first line
                exchange.getResponseHeaders().set("Content-Type", script.contentType);
                exchange.sendResponseHeaders(script.status, 0);
                out = exchange.getResponseBody();
            }
            out.write((step.line() + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }
        if (out == null) {
            exchange.sendResponseHeaders(script.status, -1);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    /** Sleeps until ~0.3 ms before the deadline, then spins: sub-millisecond precision. */
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
}
