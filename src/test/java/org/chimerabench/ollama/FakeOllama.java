package org.chimerabench.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
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
 *
 * <p><b>Placement mode</b> (opt-in, {@link #placement}): {@code /api/generate} then acts like a real Ollama with one
 * model of {@code layers} layers instead of playing scripts (chat stays scripted). A request loads the model when
 * nothing is loaded or Ollama's reload rule (ollama-api.md §8.3) says its runner options differ — notably a request
 * without {@code num_gpu} never reloads and runs with whatever placement is loaded. A load sleeps
 * {@link #loadMillis}; layers on GPU = {@code num_gpu ≥ 0 ? min(num_gpu, layers) : }{@link #defaultGpuLayers}. Decode
 * runs at 120 tok/s all on GPU, 20 all on CPU (harmonic mix by layer share, ±0.4 % seeded noise), streamed with real
 * sleeps of the reported durations × {@link #timeScale}; prompt requests run one at a time (a wait shows only in
 * {@code total_duration}). Empty prompts load ({@code done_reason:"load"}) or, with {@code keep_alive:0}, unload.
 * {@code /api/ps}, {@code /api/tags} and {@code /api/show} describe the model; {@link #otherClient} and
 * {@link #disturbAfter} let "another client" move the placement; {@link #ran}, {@link #loads}, {@link #unloads} and
 * {@link #otherClientLoads} tell what happened.
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

    // ---------------------------------------------------------------- placement mode state
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Trained context of the placement model ({@code llama.context_length} in /api/show); num_ctx is capped here. */
    private static final int TRAINED_CONTEXT = 131072;
    private static final String[] WORDS = {"The", " quick", " brown", " fox", " jumps", " over", " the", " lazy",
            " dog", "."};
    private volatile String placementModel; // null: placement mode off
    private volatile int placementLayers;
    private volatile long placementSize;
    private volatile Integer defaultGpuLayers; // null: all layers
    private volatile Integer maxGpuLayers; // null: any placement loads
    private final AtomicInteger refusedLoads = new AtomicInteger();
    private final AtomicInteger refusedPrompts = new AtomicInteger();
    private volatile long loadMillis = 600;
    private volatile double timeScale = 0.05;
    /** Serialises everything that runs on or (re)loads the model, like OLLAMA_NUM_PARALLEL=1 (fair: FIFO). */
    private final ReentrantLock runLock = new ReentrantLock(true);
    private final AtomicReference<Runner> runner = new AtomicReference<>();
    private final AtomicInteger loads = new AtomicInteger();
    private final AtomicInteger otherClientLoads = new AtomicInteger();
    private final AtomicInteger unloads = new AtomicInteger();
    private final List<Ran> ran = Collections.synchronizedList(new ArrayList<>());
    private final List<Disturbance> disturbances = new CopyOnWriteArrayList<>();
    private int promptsServed; // guarded by runLock
    private final Random noise = new Random(0x5eed_0117L); // drawn under runLock: deterministic sequence

    /**
     * One prompt-carrying generate request in placement mode: its options as sent (empty when none), the layers on
     * GPU it ran with, whether it paid a load, and its decode rate (eval_count / eval_duration as reported).
     */
    public record Ran(Map<String, Object> options, int gpuLayers, boolean loaded, double decodeTokPerSec) {
    }

    /** Runner (load-time) options; null = unset ("automatic"); numGpu is -1 when unset or negative. */
    private record RunnerOptions(Integer numCtx, Integer numBatch, int numGpu, Integer numThread, Integer mainGpu,
                                 Boolean useMmap) {
    }

    /** The loaded runner: the options it was loaded with and the layers it put on the GPU. */
    private record Runner(RunnerOptions options, int gpuLayers) {
    }

    private record Disturbance(int afterRequests, Map<String, Object> options) {
    }

    /** A request option of the wrong type: the real server answers 500 with this message. */
    private static final class OptionTypeException extends RuntimeException {
        OptionTypeException(String message) {
            super(message);
        }
    }

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

    // ---------------------------------------------------------------- placement mode API

    /**
     * Placement mode: one model, {@code layers} layers, {@code sizeBytes} in memory; see the class doc. Also sets
     * {@code /api/tags} and {@code /api/show} for the model (a later {@link #tags}/{@link #show} call overrides
     * them). Returns this.
     */
    public FakeOllama placement(String model, int layers, long sizeBytes) {
        if (layers <= 0 || sizeBytes <= 0) {
            throw new IllegalArgumentException("layers and size must be positive");
        }
        placementLayers = layers;
        placementSize = sizeBytes;
        tags = "{\"models\":[{\"name\":" + FakeScript.quote(model) + ",\"model\":" + FakeScript.quote(model)
                + ",\"size\":" + sizeBytes + ",\"digest\":\"" + digest(model) + "\",\"details\":{}}]}";
        show = "{\"details\":{\"family\":\"llama\"},\"model_info\":{\"llama.block_count\":" + layers
                + ",\"llama.context_length\":" + TRAINED_CONTEXT + "},\"capabilities\":[\"completion\"]}";
        placementModel = model;
        return this;
    }

    /** The message a real Ollama (0.12+) answers a load that does not fit the GPU with, HTTP 500. */
    public static final String OUT_OF_MEMORY = "llama-server reported out-of-memory during startup: cudaMalloc"
            + " failed: out of memory";

    /**
     * The most layers the fake's "GPU" holds: a load that asks for more fails after its load time with HTTP 500
     * {@link #OUT_OF_MEMORY}, and nothing stays loaded (ollama-api.md §7: the failed runner is gone).
     */
    public FakeOllama maxGpuLayers(int layers) {
        maxGpuLayers = layers;
        return this;
    }

    /** Layers on GPU when num_gpu is unset or &lt; 0 ("auto"); default: all layers. */
    public FakeOllama defaultGpuLayers(int layers) {
        defaultGpuLayers = layers;
        return this;
    }

    /** Real sleep of one load; default 600 ms (over 500 ms: the app reads load_duration &gt; 500 ms as a load). */
    public FakeOllama loadMillis(long millis) {
        loadMillis = millis;
        return this;
    }

    /** Real sleeping of the token stream = reported durations × scale; default 0.05. */
    public FakeOllama timeScale(double scale) {
        timeScale = scale;
        return this;
    }

    /**
     * After {@code generateRequests} prompt-carrying generate requests have been served, "another client" sends a
     * request with these options ({@link #otherClient}) — synchronously, before the next request is served.
     */
    public FakeOllama disturbAfter(int generateRequests, Map<String, Object> options) {
        runnerOptions(options); // a wrong option type fails here, not on a server thread
        disturbances.add(new Disturbance(generateRequests, new LinkedHashMap<>(options)));
        return this;
    }

    /**
     * "Another client" sends a request with these options now: applies the reload rule (a load sleeps
     * {@link #loadMillis} and counts in {@link #otherClientLoads()}); waits for a running request first.
     */
    public void otherClient(Map<String, Object> options) {
        if (placementModel == null) {
            throw new IllegalStateException("otherClient needs placement mode");
        }
        RunnerOptions wanted = runnerOptions(options);
        runLock.lock();
        try {
            if (schedule(wanted) >= 0) {
                otherClientLoads.incrementAndGet();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading", e);
        } finally {
            runLock.unlock();
        }
    }

    /** Loads refused as out of memory ({@link #maxGpuLayers}), and those of them that carried a prompt. */
    public int refusedLoads() {
        return refusedLoads.get();
    }

    public int refusedPrompts() {
        return refusedPrompts.get();
    }

    /** Loads caused by HTTP generate requests (prompt-carrying or load-only), not by {@link #otherClient}. */
    public int loads() {
        return loads.get();
    }

    public int otherClientLoads() {
        return otherClientLoads.get();
    }

    /** keep_alive:0 requests that unloaded a loaded model. */
    public int unloads() {
        return unloads.get();
    }

    /** One entry per prompt-carrying generate request in placement mode, in the order they ran. */
    public List<Ran> ran() {
        synchronized (ran) {
            return List.copyOf(ran);
        }
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
            case "/api/ps" -> fixed(out, 200, "application/json; charset=utf-8",
                    placementModel != null ? psJson() : ps);
            case "/api/show" -> fixed(out, 200, "application/json; charset=utf-8", show);
            case "/api/generate", "/api/chat" -> {
                requestBodies.add(body);
                if (placementModel != null && path.equals("/api/generate")) {
                    placementGenerate(body, arrived, out);
                    served.add(new Served(body, arrived, System.nanoTime()));
                    return true;
                }
                FakeScript script = queue.poll();
                boolean keepOpen = play(script != null ? script : defaultScript.get(), arrived, out, body);
                served.add(new Served(body, arrived, System.nanoTime()));
                return keepOpen;
            }
            default -> fixed(out, 404, "text/plain", "404 page not found");
        }
        return true;
    }

    // ---------------------------------------------------------------- placement mode

    /** {@code /api/generate} in placement mode. */
    private void placementGenerate(String body, long arrived, OutputStream out) throws IOException {
        String model = placementModel;
        if (body.isBlank()) {
            error(out, 400, "missing request body");
            return;
        }
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            error(out, 400, e.getOriginalMessage());
            return;
        }
        String asked = request.path("model").asText("");
        if (!sameModel(model, asked)) {
            error(out, 404, "model '" + asked + "' not found");
            return;
        }
        String prompt = request.path("prompt").asText("");
        boolean unloadAsked = keepAliveZero(request.get("keep_alive"));
        if (prompt.isEmpty() && unloadAsked) { // checked before any loading (ollama-api.md §2.5)
            if (runner.getAndSet(null) != null) {
                unloads.incrementAndGet();
            }
            fixed(out, 200, "application/json; charset=utf-8", single(asked, "", "unload", null));
            return;
        }
        Map<String, Object> options = optionsOf(request.get("options"));
        RunnerOptions wanted;
        try {
            wanted = runnerOptions(options);
            if (options.get("num_predict") != null && !(options.get("num_predict") instanceof Number)) {
                throw new OptionTypeException("option \"num_predict\" must be of type integer");
            }
        } catch (OptionTypeException e) {
            error(out, 500, e.getMessage());
            return;
        }
        runLock.lock();
        try {
            long lockedAt = System.nanoTime();
            long loadNs = schedule(wanted);
            if (loadNs >= 0) {
                loads.incrementAndGet();
            }
            Runner loaded = runner.get();
            if (loadNs >= 0 && loaded != null && maxGpuLayers != null && loaded.gpuLayers() > maxGpuLayers) {
                runner.set(null);
                refusedLoads.incrementAndGet();
                if (!prompt.isEmpty()) {
                    refusedPrompts.incrementAndGet();
                }
                error(out, 500, OUT_OF_MEMORY);
                return;
            }
            if (prompt.isEmpty()) {
                fixed(out, 200, "application/json; charset=utf-8", single(asked, "", "load", null));
                return;
            }
            try {
                Runner used = runner.get(); // null only if an unload request came in meanwhile
                int gpuLayers = used != null ? used.gpuLayers() : gpuLayersFor(wanted);
                run(request, asked, options, gpuLayers, lockedAt - arrived, loadNs, arrived, body, out);
            } finally {
                if (unloadAsked && runner.getAndSet(null) != null) { // keep_alive 0: unload once the request ends
                    unloads.incrementAndGet();
                }
                promptsServed++;
                for (Disturbance d : disturbances) {
                    if (d.afterRequests() == promptsServed) {
                        otherClient(d.options());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("closing", e);
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Ollama's scheduling with the run lock held: loads when nothing is loaded or the reload rule says so.
     *
     * @return the measured load time in ns, or -1 when the loaded runner is reused
     */
    private long schedule(RunnerOptions wanted) throws InterruptedException {
        Runner current = runner.get();
        if (current != null && !needsReload(current.options(), wanted)) {
            return -1;
        }
        runner.set(null); // the old runner goes first; /api/ps lists nothing while loading
        long start = System.nanoTime();
        Thread.sleep(loadMillis);
        long loadNs = System.nanoTime() - start;
        runner.set(new Runner(wanted, gpuLayersFor(wanted)));
        return loadNs;
    }

    /** Layers a runner loaded with these options puts on the GPU. */
    private int gpuLayersFor(RunnerOptions options) {
        int layers = placementLayers;
        Integer auto = defaultGpuLayers;
        return options.numGpu() >= 0 ? Math.min(options.numGpu(), layers)
                : auto != null ? Math.max(0, Math.min(auto, layers)) : layers;
    }

    /** {@code runnerRef.needsReload} (ollama-api.md §8.3), with unset as null and num_gpu unset/negative as -1. */
    private static boolean needsReload(RunnerOptions loaded, RunnerOptions wanted) {
        if (!Objects.equals(loaded.numCtx(), wanted.numCtx())) { // both automatic: equal; explicit vs automatic: not
            return true;
        }
        if (!Objects.equals(loaded.numBatch(), wanted.numBatch())) {
            return true;
        }
        if (wanted.numGpu() >= 0 && wanted.numGpu() != loaded.numGpu()) { // a new num_gpu < 0 never reloads
            return true;
        }
        if (!Objects.equals(loaded.numThread(), wanted.numThread())
                || !Objects.equals(loaded.mainGpu(), wanted.mainGpu())) {
            return true;
        }
        return wanted.useMmap() != null && !wanted.useMmap().equals(loaded.useMmap()); // only when set explicitly
    }

    /** Runs one prompt on the loaded runner (run lock held) and writes the reply. */
    private void run(JsonNode request, String asked, Map<String, Object> options, int gpuLayers, long waitNs,
                     long loadNs, long arrived, String body, OutputStream out) throws IOException {
        int layers = placementLayers;
        double f = (double) gpuLayers / layers;
        double secondsPerToken = f / 120.0 + (1 - f) / 20.0;
        double tokPerSec = 1 / secondsPerToken * (1 + (noise.nextDouble() * 2 - 1) * 0.004);
        Object predict = options.get("num_predict");
        int evalCount = predict instanceof Number n ? (n.intValue() < 0 ? 64 : Math.min(n.intValue(), 64)) : 16;
        long evalNs = Math.round(evalCount / tokPerSec * 1e9);
        int promptEvalCount = 20;
        long promptEvalNs = Math.round(20_000_000L * secondsPerToken * 120.0); // 20 ms on GPU, × the CPU/GPU factor
        long reportedLoadNs = loadNs >= 0 ? loadNs : 1_000_000L;
        long totalNs = waitNs + reportedLoadNs + promptEvalNs + evalNs;
        double decode = evalNs == 0 ? 0 : evalCount * 1e9 / evalNs;
        ran.add(new Ran(Collections.unmodifiableMap(new LinkedHashMap<>(options)), gpuLayers, loadNs >= 0, decode));

        Map<String, Long> metrics = new LinkedHashMap<>();
        metrics.put("total_duration", totalNs);
        metrics.put("load_duration", reportedLoadNs);
        metrics.put("prompt_eval_count", (long) promptEvalCount);
        metrics.put("prompt_eval_duration", promptEvalNs);
        metrics.put("eval_count", (long) evalCount);
        metrics.put("eval_duration", evalNs);
        double scale = timeScale;
        long start = System.nanoTime();
        long due = start + Math.round(promptEvalNs * scale);
        long gap = evalCount == 0 ? 0 : Math.round(evalNs * scale / evalCount);
        if (!request.path("stream").asBoolean(true)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < evalCount; i++) {
                text.append(WORDS[i % WORDS.length]);
            }
            waitUntil(due + gap * evalCount);
            fixed(out, 200, "application/json; charset=utf-8", single(asked, text.toString(), "stop", metrics));
            return;
        }
        long[] written = new long[evalCount + 1];
        lineTimes.put(body, written);
        for (int i = 0; i <= evalCount; i++) {
            boolean last = i == evalCount;
            if (!last) {
                due += gap;
            }
            waitUntil(due);
            String line = last ? single(asked, "", "stop", metrics) : chunkLine(asked, WORDS[i % WORDS.length]);
            long now = System.nanoTime();
            out.write(packet(i == 0, line));
            out.flush();
            written[i] = now;
            if (i == 0) {
                timings.add(new long[] {arrived, now});
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** /api/ps in placement mode. */
    private String psJson() {
        Runner current = runner.get();
        String model = placementModel;
        if (current == null) {
            return "{\"models\":[]}";
        }
        ObjectNode m = JSON.createObjectNode();
        m.put("name", model);
        m.put("model", model);
        m.put("size", placementSize);
        m.put("digest", digest(model));
        m.putObject("details").put("format", "gguf");
        m.put("expires_at", OffsetDateTime.now().plusMinutes(5).toString());
        m.put("size_vram", placementSize * current.gpuLayers() / placementLayers);
        Integer numCtx = current.options().numCtx();
        m.put("context_length", numCtx != null ? numCtx : 4096);
        ObjectNode root = JSON.createObjectNode();
        ArrayNode models = root.putArray("models");
        models.add(m);
        return root.toString();
    }

    /** An intermediate stream line. */
    private static String chunkLine(String model, String response) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", model);
        line.put("created_at", Instant.now().toString());
        line.put("response", response);
        line.put("done", false);
        return line.toString();
    }

    /** A done line / single reply: text, done_reason and the non-zero metrics (none for load/unload). */
    private static String single(String model, String response, String doneReason, Map<String, Long> metrics) {
        ObjectNode line = JSON.createObjectNode();
        line.put("model", model);
        line.put("created_at", Instant.now().toString());
        line.put("response", response);
        line.put("done", true);
        line.put("done_reason", doneReason);
        if (metrics != null) {
            metrics.forEach((k, v) -> {
                if (v != 0) {
                    line.put(k, v);
                }
            });
        }
        return line.toString();
    }

    /** One NDJSON line as a chunk, the first one preceded by the headers (one write, as Go's net/http does). */
    private static byte[] packet(boolean first, String text) throws IOException {
        byte[] line = (text + "\n").getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream packet = new ByteArrayOutputStream(line.length + 256);
        if (first) {
            packet.write(head(200, "application/x-ndjson", "Transfer-Encoding: chunked"));
        }
        packet.write((Integer.toHexString(line.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        packet.write(line);
        packet.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        return packet.toByteArray();
    }

    private static void error(OutputStream out, int status, String message) throws IOException {
        fixed(out, status, "application/json; charset=utf-8", "{\"error\":" + FakeScript.quote(message) + "}");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> optionsOf(JsonNode options) {
        if (options == null || !options.isObject()) {
            return new LinkedHashMap<>();
        }
        return JSON.convertValue(options, LinkedHashMap.class);
    }

    private static RunnerOptions runnerOptions(Map<String, Object> options) {
        Integer numCtx = intOption(options, "num_ctx");
        if (numCtx != null) {
            numCtx = Math.min(numCtx, TRAINED_CONTEXT);
        }
        Integer numGpu = intOption(options, "num_gpu");
        Object mmap = options.get("use_mmap");
        if (mmap != null && !(mmap instanceof Boolean)) {
            throw new OptionTypeException("option \"use_mmap\" must be of type boolean");
        }
        return new RunnerOptions(numCtx, intOption(options, "num_batch"), numGpu == null || numGpu < 0 ? -1 : numGpu,
                intOption(options, "num_thread"), intOption(options, "main_gpu"), (Boolean) mmap);
    }

    private static Integer intOption(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.intValue(); // floats are truncated, as the real server does
        }
        throw new OptionTypeException("option \"" + key + "\" must be of type integer");
    }

    /** keep_alive 0: the number 0, or a Go duration string that is zero ("0", "0s", "0m", "0.0h"…). */
    private static boolean keepAliveZero(JsonNode keepAlive) {
        if (keepAlive == null || keepAlive.isNull()) {
            return false;
        }
        if (keepAlive.isNumber()) {
            return keepAlive.asDouble() == 0;
        }
        String text = keepAlive.asText().trim();
        if (text.equals("0")) {
            return true;
        }
        if (!text.matches("[+-]?([0-9]*\\.?[0-9]+(ns|us|µs|ms|s|m|h))+")) {
            return false;
        }
        for (String number : text.replaceFirst("^[+-]", "").split("(ns|us|µs|ms|s|m|h)")) {
            if (!number.isEmpty() && Double.parseDouble(number) != 0) {
                return false;
            }
        }
        return true;
    }

    /** A name without a tag means {@code :latest}. */
    private static boolean sameModel(String listed, String asked) {
        return !asked.isEmpty() && (listed.equals(asked) || withTag(listed).equals(withTag(asked)));
    }

    private static String withTag(String name) {
        int slash = name.lastIndexOf('/');
        return name.indexOf(':', slash + 1) >= 0 ? name : name + ":latest";
    }

    /** 64 hex characters, stable per model name. */
    private static String digest(String model) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(model.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
