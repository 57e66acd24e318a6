package org.chimerabench.simulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The built-in simulator: an Ollama-compatible HTTP server on loopback (docs/architecture.md §8), so the whole product
 * runs without a GPU and tests exercise the real HTTP path. Speaks the native API as ollama-api.md describes:
 * NDJSON streams with headers sent together with the first line, nanosecond durations, zero metrics left out,
 * {@code {"error"}} bodies with the real status codes, {@code slots} requests at a time per model (OLLAMA_NUM_PARALLEL;
 * the rest queue) sharing the GPU's decode rate, reloads
 * when runner options change, {@code /api/ps} with size and size_vram.
 */
public final class OllamaSimulator implements AutoCloseable {

    static {
        // TCP_NODELAY like Go's net/http; read once, before the first com.sun.net.httpserver server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** The version it reports unless told otherwise ({@code chimera.simulator.version}). */
    public static final String VERSION = "0.32.15-simulated";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final SimulatorEngine engine;
    private final Map<String, Semaphore> modelSlots = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> streaming = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> prefilling = new ConcurrentHashMap<>();
    private final int slots;
    private final String version;

    /** Parallel slots per model unless set (Ollama's OLLAMA_NUM_PARALLEL default is 4 on a machine with room). */
    public static final int DEFAULT_SLOTS = 4;

    private OllamaSimulator(InetAddress address, int port, long seed, double timeScale, int slots,
                            ResponseSurface.Machine machine, String version, double speedFactor) throws IOException {
        if (slots < 1) {
            throw new IllegalArgumentException("the simulator needs at least 1 parallel slot, got " + slots);
        }
        if (version == null || !version.matches("[0-9A-Za-z.+_-]{1,60}")) {
            throw new IllegalArgumentException("the simulator's version must be 1–60 letters, digits and . + _ -, got '"
                    + version + "'");
        }
        if (!(speedFactor > 0 && speedFactor <= 100)) {
            throw new IllegalArgumentException("the simulator's speed factor must be above 0 and at most 100, got "
                    + speedFactor);
        }
        this.slots = slots;
        this.version = version;
        this.engine = new SimulatorEngine(seed, timeScale, machine, speedFactor);
        this.server = HttpServer.create(new InetSocketAddress(address, port), 64);
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "ollama-simulator");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * Starts a simulator on a loopback port (0 = any free port).
     *
     * @param timeScale multiplies every simulated duration (1 = realistic speeds)
     */
    public static OllamaSimulator start(int port, long seed, double timeScale) {
        return start(InetAddress.getLoopbackAddress(), port, seed, timeScale, DEFAULT_SLOTS);
    }

    /** The same with {@code slots} parallel slots per model (requests beyond them queue). */
    public static OllamaSimulator start(int port, long seed, double timeScale, int slots) {
        return start(InetAddress.getLoopbackAddress(), port, seed, timeScale, slots);
    }

    /** Starts a simulator on the given address (e.g. all interfaces, to share one on a network) and port. */
    public static OllamaSimulator start(InetAddress address, int port, long seed, double timeScale, int slots) {
        return start(address, port, seed, timeScale, slots, DEFAULT_VRAM_GIB, DEFAULT_CPU_CORES);
    }

    /** The simulated machine's GPU memory (GiB) and physical CPU cores, unless set. */
    public static final double DEFAULT_VRAM_GIB = 12;
    public static final int DEFAULT_CPU_CORES = 8;

    /**
     * The same on a machine with {@code vramGib} GiB of GPU memory and {@code cpuCores} physical cores: what fits,
     * what spills and what fails to load, and the thread count CPU layers run best with, follow from them
     * (docs/architecture.md §8.1), so two simulators of different sizes have different best options.
     */
    public static OllamaSimulator start(InetAddress address, int port, long seed, double timeScale, int slots,
                                        double vramGib, int cpuCores) {
        return start(address, port, seed, timeScale, slots, vramGib, cpuCores, VERSION, 1.0);
    }

    /**
     * The same reporting {@code version} on {@code /api/version}, with every decode rate multiplied by
     * {@code speedFactor} (0.8 = 20 % slower decoding): an upgrade that changed the speed, for the watch's tests.
     */
    public static OllamaSimulator start(InetAddress address, int port, long seed, double timeScale, int slots,
                                        double vramGib, int cpuCores, String version, double speedFactor) {
        ResponseSurface.Machine machine = ResponseSurface.Machine.of(vramGib, cpuCores);
        try {
            return new OllamaSimulator(address, port, seed, timeScale, slots, machine, version, speedFactor);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Ollama simulator on port " + port + ": " + e.getMessage(),
                    e);
        }
    }

    /**
     * Ground truth, for tests and benchmarks only (a method, not an endpoint): the decode tok/s a call of the model
     * with these options has before noise, in the units the client measures.
     */
    public double expectedDecodeTokPerSec(String model, Map<String, Object> options) {
        SimulatedModel simulated = SimulatedModel.find(model);
        if (simulated == null) {
            throw new IllegalArgumentException("no simulated model " + model);
        }
        return engine.expectedDecodeTokPerSec(simulated, options);
    }

    public String baseUrl() {
        InetAddress bound = server.getAddress().getAddress();
        String host = bound.isAnyLocalAddress() || bound.isLoopbackAddress() ? "127.0.0.1" : bound.getHostAddress();
        return "http://" + host + ":" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long start = System.nanoTime();
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            switch (path) {
                case "/" -> text(exchange, 200, "Ollama is running");
                case "/api/version" -> json(exchange, 200, "{\"version\":\"" + version + "\"}");
                case "/api/tags" -> json(exchange, 200, tags());
                case "/api/ps" -> json(exchange, 200, ps());
                case "/api/show" -> post(exchange, method, () -> show(exchange, body));
                case "/api/generate" -> post(exchange, method, () -> generate(exchange, body, start, false));
                case "/api/chat" -> post(exchange, method, () -> generate(exchange, body, start, true));
                default -> text(exchange, 404, "404 page not found");
            }
        } catch (IOException clientGone) {
            // the client went away mid-reply
        }
    }

    private interface Action {
        void run() throws IOException;
    }

    private static void post(HttpExchange exchange, String method, Action action) throws IOException {
        if (!"POST".equals(method)) {
            text(exchange, 405, "405 method not allowed");
            return;
        }
        action.run();
    }

    private void generate(HttpExchange exchange, byte[] body, long start, boolean chat) throws IOException {
        JsonNode request = parse(exchange, body);
        if (request == null) {
            return;
        }
        String name = request.path("model").asText("");
        SimulatedModel model = SimulatedModel.find(name);
        if (model == null) {
            if (chat && name.isEmpty()) {
                error(exchange, 400, "model is required");
            } else {
                error(exchange, 404, "model '" + name + "' not found");
            }
            return;
        }
        Map<String, Object> options = OptionTypes.read(request.path("options"));
        String invalid = OptionTypes.firstInvalid(request.path("options"));
        if (invalid != null) {
            error(exchange, 500, invalid);
            return;
        }
        JsonNode think = request.get("think");
        if (think != null && (think.asBoolean(false) || think.isTextual())) {
            error(exchange, 400, "\"" + name + "\" does not support thinking");
            return;
        }
        String prompt = chat ? chatPrompt(request.path("messages")) : request.path("prompt").asText("");
        Duration keepAlive = keepAlive(request.get("keep_alive"));
        if (prompt.isEmpty()) {
            loadOrUnload(exchange, name, model, options, keepAlive, chat);
            return;
        }
        Semaphore slot = modelSlots.computeIfAbsent(model.name(), m -> new Semaphore(slots, true));
        slot.acquireUninterruptibly(); // beyond the slots a request waits in the queue, as in Ollama's scheduler
        try {
            SimulatorEngine.CallPlan plan;
            try {
                synchronized (engine) { // one load decision at a time
                    plan = engine.plan(model, prompt, options, keepAlive);
                }
            } catch (SimulatorEngine.LoadFailed failed) {
                loadFailed(exchange, failed);
                return;
            }
            AtomicInteger streams = streaming.computeIfAbsent(model.name(), m -> new AtomicInteger());
            AtomicInteger prefills = prefilling.computeIfAbsent(model.name(), m -> new AtomicInteger());
            if (request.path("stream").asBoolean(true)) {
                stream(exchange, name, plan, start, chat, streams, prefills);
            } else {
                streams.incrementAndGet();
                try {
                    long evalNs = Math.round(plan.evalNs() * SimulatorEngine.sharing(streams.get(), 0));
                    sleep(plan.loadNs() + plan.prefillNs() + evalNs);
                    ObjectNode done = doneLine(name, String.join("", plan.tokens()), plan, evalNs, start, chat);
                    json(exchange, 200, done.toString());
                } finally {
                    streams.decrementAndGet();
                }
            }
        } finally {
            slot.release();
        }
    }

    /**
     * Streams the tokens. The gap between two tokens is the call's own gap stretched by the streams sharing the GPU
     * now and by the prefills running now ({@link SimulatorEngine#sharing}); the reported eval_duration is the sum
     * of the gaps, as Ollama measures it.
     */
    private void stream(HttpExchange exchange, String name, SimulatorEngine.CallPlan plan, long start, boolean chat,
                        AtomicInteger streams, AtomicInteger prefills) throws IOException {
        prefills.incrementAndGet();
        long due;
        try {
            due = System.nanoTime() + plan.loadNs() + plan.prefillNs();
            waitUntil(due);
        } finally {
            prefills.decrementAndGet();
        }
        streams.incrementAndGet();
        try {
            OutputStream out = null;
            long evalNs = 0;
            for (String token : plan.tokens()) {
                waitUntil(due);
                byte[] line = (chunk(name, token, chat) + "\n").getBytes(StandardCharsets.UTF_8);
                if (out == null) { // headers go out with the first line, as Ollama's gin c.Stream does
                    exchange.getResponseHeaders().set("Content-Type", "application/x-ndjson");
                    exchange.sendResponseHeaders(200, 0);
                    out = exchange.getResponseBody();
                }
                out.write(line);
                out.flush();
                long gap = Math.round(plan.tokenGapNs() * SimulatorEngine.sharing(streams.get(), prefills.get()));
                due += gap;
                evalNs += gap;
            }
            waitUntil(due);
            out.write((doneLine(name, "", plan, evalNs, start, chat) + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } finally {
            streams.decrementAndGet();
        }
    }

    /** A reply line in Go struct order: model, created_at, response (or message), done. */
    private static ObjectNode line(String name, String text, boolean chat, boolean done) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", name);
        line.put("created_at", Instant.now().toString());
        if (chat) {
            line.putObject("message").put("role", "assistant").put("content", text);
        } else {
            line.put("response", text);
        }
        line.put("done", done);
        return line;
    }

    private static String chunk(String name, String token, boolean chat) {
        return line(name, token, chat, false).toString();
    }

    private ObjectNode doneLine(String name, String text, SimulatorEngine.CallPlan plan, long evalNs, long start,
                                boolean chat) {
        ObjectNode line = line(name, text, chat, true);
        line.put("done_reason", plan.doneReason());
        line.put("total_duration", System.nanoTime() - start);
        line.put("load_duration", plan.loadNs());
        line.put("prompt_eval_count", plan.promptTokens());
        line.put("prompt_eval_duration", plan.prefillNs());
        line.put("eval_count", plan.tokens().size());
        line.put("eval_duration", evalNs);
        return line;
    }

    private void loadOrUnload(HttpExchange exchange, String name, SimulatedModel model, Map<String, Object> options,
                              Duration keepAlive, boolean chat) throws IOException {
        String reason;
        if (keepAlive != null && keepAlive.isZero()) {
            engine.unload(model.name());
            reason = "unload";
        } else {
            try {
                long loadNs;
                synchronized (engine) {
                    loadNs = engine.ensureLoaded(model, RunnerOptions.of(options), new Random(), keepAlive);
                }
                sleep(loadNs);
            } catch (SimulatorEngine.LoadFailed failed) {
                loadFailed(exchange, failed);
                return;
            }
            reason = "load";
        }
        ObjectNode reply = line(name, "", chat, true);
        reply.put("done_reason", reason);
        json(exchange, 200, reply.toString());
    }

    private void show(HttpExchange exchange, byte[] body) throws IOException {
        JsonNode request = parse(exchange, body);
        if (request == null) {
            return;
        }
        String name = request.path("model").asText(request.path("name").asText(""));
        if (name.isEmpty()) {
            error(exchange, 400, "model is required");
            return;
        }
        SimulatedModel model = SimulatedModel.find(name);
        if (model == null) {
            error(exchange, 404, "model '" + name + "' not found");
            return;
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("parameters", "temperature 0.8");
        reply.put("template", "{{ .Prompt }}");
        details(reply.putObject("details"), model);
        ObjectNode info = reply.putObject("model_info");
        info.put("general.architecture", model.family());
        info.put("general.parameter_count", (long) (Double.parseDouble(model.parameterSize().replace("B", "")) * 1e9));
        info.put(model.family() + ".block_count", model.layers());
        info.put(model.family() + ".context_length", model.trainedContext());
        reply.putArray("capabilities").add("completion");
        reply.put("modified_at", OffsetDateTime.now(ZoneId.systemDefault()).toString());
        json(exchange, 200, reply.toString());
    }

    private static String tags() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode models = reply.putArray("models");
        for (SimulatedModel model : SimulatedModel.CATALOGUE) {
            ObjectNode entry = models.addObject();
            entry.put("name", model.name());
            entry.put("model", model.name());
            entry.put("modified_at", "2026-11-01T09:00:00.000000001+00:00");
            entry.put("size", model.sizeBytes());
            entry.put("digest", model.digest());
            details(entry.putObject("details"), model);
            entry.putArray("capabilities").add("completion");
        }
        return reply.toString();
    }

    private String ps() {
        ObjectNode reply = JSON.createObjectNode();
        ArrayNode models = reply.putArray("models");
        for (SimulatorEngine.Runner runner : engine.loaded()) {
            ObjectNode entry = models.addObject();
            entry.put("name", runner.model().name());
            entry.put("model", runner.model().name());
            entry.put("size", runner.sizeBytes());
            entry.put("digest", runner.model().digest());
            details(entry.putObject("details"), runner.model());
            entry.put("expires_at", OffsetDateTime.ofInstant(Instant.ofEpochMilli(runner.expiresAtMillis()),
                    ZoneId.systemDefault()).toString());
            entry.put("size_vram", runner.sizeVramBytes());
            entry.put("context_length", runner.context());
        }
        return reply.toString();
    }

    private static void details(ObjectNode details, SimulatedModel model) {
        details.put("parent_model", "");
        details.put("format", "gguf");
        details.put("family", model.family());
        details.putArray("families").add(model.family());
        details.put("parameter_size", model.parameterSize());
        details.put("quantization_level", model.quantization());
    }

    private static JsonNode parse(HttpExchange exchange, byte[] body) throws IOException {
        if (body.length == 0) {
            error(exchange, 400, "missing request body");
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            error(exchange, 400, e instanceof JsonProcessingException j
                    ? j.getOriginalMessage() : "invalid request body");
            return null;
        }
    }

    private static String chatPrompt(JsonNode messages) {
        StringBuilder prompt = new StringBuilder();
        messages.forEach(m -> prompt.append(m.path("content").asText("")).append('\n'));
        return prompt.toString().strip();
    }

    /** keep_alive as a number of seconds or a Go duration string ("5m", "0s", "-1m"); null when absent. */
    static Duration keepAlive(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return value.asDouble() < 0 ? Duration.ofDays(365 * 292) : Duration.ofMillis((long) (value.asDouble() * 1000));
        }
        String text = value.asText().strip();
        if (text.equals("0")) {
            return Duration.ZERO;
        }
        if (text.startsWith("-")) {
            return Duration.ofDays(365 * 292);
        }
        try {
            return Duration.parse("PT" + text.toUpperCase(Locale.ROOT).replace("MS", "S"));
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void sleep(long nanos) {
        waitUntil(System.nanoTime() + nanos);
    }

    private static void waitUntil(long deadline) {
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(left);
        }
    }

    /**
     * A load that does not fit: after the time the attempt took, HTTP 500 with Ollama's error before any byte of a
     * stream (ollama-api.md §5, v0.12.6 and later); nothing is loaded.
     */
    private void loadFailed(HttpExchange exchange, SimulatorEngine.LoadFailed failed) throws IOException {
        sleep(failed.afterNs());
        error(exchange, 500, failed.getMessage());
    }

    private static void error(HttpExchange exchange, int status, String message) throws IOException {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        json(exchange, status, body.toString());
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json; charset=utf-8", body);
    }

    private static void text(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "text/plain; charset=utf-8", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
