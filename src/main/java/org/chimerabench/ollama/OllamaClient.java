package org.chimerabench.ollama;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.chimerabench.ollama.OllamaException.Kind;

/**
 * Client of one Ollama server. Plain Java: JDK {@link HttpClient} forced to HTTP/1.1 (Ollama speaks no h2c) and
 * Jackson. Thread-safe; one instance per endpoint. {@link #close()} releases its threads.
 */
public final class OllamaClient implements AutoCloseable {

    /** Longest accepted NDJSON line. Final lines with a large {@code context} array reach hundreds of KB. */
    public static final int DEFAULT_MAX_LINE_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final URI base;
    private final OllamaTimeouts timeouts;
    private final int maxLineBytes;
    private final AtomicInteger runningTasks = new AtomicInteger();
    private final ScheduledExecutorService watchdog;
    private final HttpClient http;
    private final AtomicInteger openStreams = new AtomicInteger();

    public OllamaClient(String baseUrl, OllamaTimeouts timeouts) {
        this(baseUrl, timeouts, DEFAULT_MAX_LINE_BYTES);
    }

    public OllamaClient(String baseUrl, OllamaTimeouts timeouts, int maxLineBytes) {
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.timeouts = timeouts;
        this.maxLineBytes = maxLineBytes;
        int id = CLIENTS.incrementAndGet();
        this.watchdog = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ollama-" + id + "-watchdog"));
        // The client's asynchronous work runs inline on its selector thread (the JDK client never blocks there):
        // one thread hand-off less per line — measured: p99 added latency 7.8 ms instead of 20 ms with 32 streams
        // on 2 cores, and 60 instead of 88 ms CPU per 1,000 lines. Tasks are counted to prove nothing is left over.
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeouts.connect())
                .executor(this::runCounted).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String baseUrl() {
        return base.toString().replaceAll("/$", "");
    }

    public OllamaTimeouts timeouts() {
        return timeouts;
    }

    // ---------------------------------------------------------------- streaming calls

    /** Streams {@code POST /api/generate} and measures it. */
    public StreamedCall generate(GenerateRequest request, Cancellation cancellation) {
        return stream("api/generate", request, NdjsonLine.Shape.GENERATE, cancellation);
    }

    /**
     * Readies the client for calls whose start time matters (a batch's seeded arrivals): its JSON writer is used
     * once and a connection to the server is opened ({@code GET /api/version}); errors are left to the calls.
     */
    public void warmUp() {
        write(GenerateRequest.of("warm-up", "", null));
        try {
            version();
        } catch (OllamaException notNow) {
            // the calls themselves will fail and say why
        }
    }

    public StreamedCall generate(GenerateRequest request) {
        return generate(request, Cancellation.none());
    }

    /** Streams {@code POST /api/chat} and measures it (text from {@code message.content}/{@code message.thinking}). */
    public StreamedCall chat(ChatRequest request, Cancellation cancellation) {
        return stream("api/chat", request, NdjsonLine.Shape.CHAT, cancellation);
    }

    /** A reply that is not an NDJSON stream: an error status, or a 200 of the wrong content type. */
    private record Refusal(int status, String contentType, byte[] body) {
    }

    private StreamedCall stream(String path, Object body, NdjsonLine.Shape shape,
                                Cancellation cancellation) {
        TimedBody payload = new TimedBody(write(body));
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeouts.firstToken())
                .header("Content-Type", "application/json").header("Accept", "application/x-ndjson")
                .POST(payload).build();
        CompletableFuture<StreamedCall> call = new CompletableFuture<>();
        AtomicReference<NdjsonSubscriber> stream = new AtomicReference<>();
        CallerThreadExchange exchange = new CallerThreadExchange();
        long start = System.nanoTime();
        HttpResponse.BodyHandler<Object> handler = info -> {
            long headers = System.nanoTime();
            String type = info.headers().firstValue("Content-Type").orElse("");
            if (info.statusCode() == 200 && (type.isEmpty() || type.contains("json"))) {
                openStreams.incrementAndGet();
                NdjsonSubscriber subscriber = new NdjsonSubscriber(JSON, shape, maxLineBytes, payload.sentAt(start),
                        headers, openStreams::decrementAndGet, exchange::abort);
                subscriber.result().whenComplete((result, error) -> {
                    if (error != null) {
                        call.completeExceptionally(error);
                    } else {
                        call.complete(result);
                    }
                });
                stream.set(subscriber);
                return HttpResponse.BodySubscribers.fromSubscriber(subscriber, s -> s);
            }
            return HttpResponse.BodySubscribers.mapping(HttpResponse.BodySubscribers.ofByteArray(),
                    bytes -> new Refusal(info.statusCode(), type, bytes));
        };
        Runnable abort = () -> { // the real reason first: aborting the exchange also fails the stream
            call.completeExceptionally(cancelled());
            NdjsonSubscriber subscriber = stream.get();
            if (subscriber != null) {
                subscriber.abort(cancelled());
            }
            exchange.abort();
        };
        cancellation.onCancel(abort);
        ScheduledFuture<?> guard = guard(call, stream, exchange, start);
        try {
            HttpResponse<Object> response = exchange.send(http, request, handler);
            if (response != null && response.body() instanceof Refusal refusal) {
                call.completeExceptionally(refused(refusal));
            }
        } catch (IOException e) {
            call.completeExceptionally(cancellation.isCancelled() ? cancelled() : requestFailed(e));
        } catch (InterruptedException e) { // someone else stops the calling thread
            Thread.currentThread().interrupt();
            abort.run();
            throw cancelled();
        } finally {
            guard.cancel(false);
            cancellation.clear();
        }
        call.completeExceptionally(NdjsonSubscriber.incomplete()); // send returned: the call has an outcome by now
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = unwrap(e);
            throw cause instanceof OllamaException ollama ? ollama
                    : new OllamaException(Kind.INCOMPLETE_STREAM, describe(cause), 0, null, cause);
        }
    }

    /** Idle and total timeouts: checked a few times per idle period by one watchdog thread per client. */
    private ScheduledFuture<?> guard(CompletableFuture<StreamedCall> call, AtomicReference<NdjsonSubscriber> stream,
                                     CallerThreadExchange exchange, long start) {
        long idle = timeouts.idle().toNanos();
        long total = timeouts.total().toNanos();
        long period = Math.max(5_000_000L, Math.min(idle, total) / 8);
        return watchdog.scheduleAtFixedRate(() -> {
            long now = System.nanoTime();
            NdjsonSubscriber subscriber = stream.get();
            OllamaException error = null;
            if (now - start > total) {
                error = new OllamaException(Kind.TOTAL_TIMEOUT, "The call to " + baseUrl() + " took longer than the"
                        + " total timeout of " + seconds(timeouts.total()) + ".", 0, null, null);
            } else if (subscriber != null && now - subscriber.lastLine > idle) {
                error = new OllamaException(Kind.IDLE_TIMEOUT, "Ollama stopped sending output for more than "
                        + seconds(timeouts.idle()) + " in the middle of a reply.", 200, null, null);
            }
            if (error != null) { // the real reason first: aborting the exchange also fails the stream
                call.completeExceptionally(error);
                if (subscriber != null) {
                    subscriber.abort(error);
                }
                exchange.abort();
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }

    private OllamaException refused(Refusal refusal) {
        String body = new String(refusal.body(), 0, Math.min(refusal.body().length, 64 * 1024), StandardCharsets.UTF_8);
        if (refusal.status() == 200) {
            return new OllamaException(Kind.UNEXPECTED_CONTENT_TYPE, "Expected NDJSON from " + baseUrl() + " but got "
                    + refusal.contentType() + " (" + snippet(body) + "). Is this really an Ollama server?", 200, null,
                    null);
        }
        String message = errorText(body);
        Kind kind = refusal.status() == 404 && message != null && message.contains("not found")
                ? Kind.MODEL_NOT_FOUND : Kind.HTTP_STATUS;
        return new OllamaException(kind, "Ollama answered HTTP " + refusal.status() + ": "
                + (message != null ? message : snippet(body)), refusal.status(), message, null);
    }

    private OllamaException requestFailed(Throwable cause) {
        if (cause instanceof HttpConnectTimeoutException) {
            return new OllamaException(Kind.UNREACHABLE, "Cannot reach " + baseUrl() + ": no connection within "
                    + seconds(timeouts.connect()) + ".", 0, null, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new OllamaException(Kind.FIRST_TOKEN_TIMEOUT, "No first token from " + baseUrl() + " within "
                    + seconds(timeouts.firstToken()) + " (model loading too slowly, or the server is stuck).", 0, null,
                    cause);
        }
        if (cause instanceof ConnectException || cause instanceof UnresolvedAddressException
                || cause.getCause() instanceof UnresolvedAddressException) {
            return new OllamaException(Kind.UNREACHABLE, "Cannot reach " + baseUrl() + ": connection refused or host"
                    + " unknown. Is Ollama running there?", 0, null, cause);
        }
        if (cause instanceof OllamaException ollama) {
            return ollama;
        }
        return new OllamaException(Kind.UNREACHABLE, "The connection to " + baseUrl() + " failed before an answer: "
                + describe(cause), 0, null, cause);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    // ---------------------------------------------------------------- lookups and model management

    /** {@code GET /api/version}. */
    public String version() {
        return getJson("api/version").path("version").asText();
    }

    /** {@code GET /api/tags}: installed models. */
    public List<ModelInfo> tags() {
        List<ModelInfo> models = new ArrayList<>();
        for (JsonNode m : getJson("api/tags").path("models")) {
            JsonNode details = m.path("details");
            models.add(new ModelInfo(m.path("name").asText(), m.path("size").asLong(0), m.path("digest").asText(null),
                    details.path("family").asText(null), details.path("parameter_size").asText(null),
                    details.path("quantization_level").asText(null), null, null));
        }
        return models;
    }

    /** {@code GET /api/ps}: loaded models with size and size_vram. */
    public List<LoadedModel> ps() {
        return ps(Cancellation.none());
    }

    private List<LoadedModel> ps(Cancellation cancellation) {
        List<LoadedModel> models = new ArrayList<>();
        for (JsonNode m : getJson("api/ps", cancellation).path("models")) {
            String expires = m.path("expires_at").asText(null);
            models.add(new LoadedModel(m.path("name").asText(), m.path("model").asText(m.path("name").asText()),
                    m.path("size").asLong(0), m.path("size_vram").asLong(0), m.path("digest").asText(null),
                    expires == null ? null : OffsetDateTime.parse(expires),
                    m.has("context_length") ? m.get("context_length").asInt() : null));
        }
        return models;
    }

    /** {@code POST /api/show} plus the digest from {@code /api/tags}: family, size, quantization, layers. */
    public ModelInfo show(String model) {
        JsonNode show = postJson("api/show", Map.of("model", model), timeouts.firstToken());
        JsonNode details = show.path("details");
        JsonNode info = show.path("model_info");
        String architecture = info.path("general.architecture").asText(details.path("family").asText(""));
        ModelInfo tag = tags().stream().filter(t -> ModelNames.same(t.name(), model))
                .findFirst().orElse(null);
        return new ModelInfo(model, tag == null ? 0 : tag.sizeBytes(), tag == null ? null : tag.digest(),
                details.path("family").asText(null), details.path("parameter_size").asText(null),
                details.path("quantization_level").asText(null),
                info.has(architecture + ".block_count") ? info.get(architecture + ".block_count").asInt() : null,
                info.has(architecture + ".context_length") ? info.get(architecture + ".context_length").asInt() : null);
    }

    /** The model as {@code /api/ps} lists it, if it is loaded. */
    public Optional<LoadedModel> loaded(String model) {
        return loaded(model, Cancellation.none());
    }

    /** The same, aborted at once when {@code cancellation} fires (a sweep's Cancel). */
    public Optional<LoadedModel> loaded(String model, Cancellation cancellation) {
        return ps(cancellation).stream().filter(m -> m.is(model)).findFirst();
    }

    /** Loads the model with these runner options (empty prompt); returns the client-measured load time in ms. */
    public double load(String model, Map<String, Object> options) {
        long start = System.nanoTime();
        postJson("api/generate", new GenerateRequest(model, "", options, false, null),
                timeouts.firstToken());
        return (System.nanoTime() - start) / 1e6;
    }

    /** Asks the server to unload the model (answers at once; the unload itself is asynchronous). */
    public void unload(String model) {
        unload(model, Cancellation.none());
    }

    private void unload(String model, Cancellation cancellation) {
        postJson("api/generate", new GenerateRequest(model, "", null, false, 0), timeouts.firstToken(),
                cancellation);
    }

    /** Unloads the model, then polls {@code /api/ps} until it is gone: the way to force a cold start. */
    public boolean unloadAndWait(String model, Duration pollInterval, Duration timeout) {
        return unloadAndWait(model, pollInterval, timeout, Cancellation.none());
    }

    /** The same, aborted at once when {@code cancellation} fires. */
    public boolean unloadAndWait(String model, Duration pollInterval, Duration timeout, Cancellation cancellation) {
        unload(model, cancellation);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (cancellation.isCancelled()) {
                throw cancelled();
            }
            if (loaded(model, cancellation).isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(pollInterval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            }
        }
    }

    private JsonNode getJson(String path) {
        return getJson(path, Cancellation.none());
    }

    private JsonNode getJson(String path, Cancellation cancellation) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(lookupTimeout()).GET().build(),
                lookupTimeout(), cancellation);
    }

    private JsonNode postJson(String path, Object body, Duration timeout) {
        return postJson(path, body, timeout, Cancellation.none());
    }

    private JsonNode postJson(String path, Object body, Duration timeout, Cancellation cancellation) {
        return exchange(HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))).build(), timeout, cancellation);
    }

    /** Lookups answer at once on a live server: connect timeout + 5 s, or the first-token timeout if shorter. */
    private Duration lookupTimeout() {
        Duration lookup = timeouts.connect().plusSeconds(5);
        return lookup.compareTo(timeouts.firstToken()) < 0 ? lookup : timeouts.firstToken();
    }

    /** The largest answer a lookup reads (a server listing a thousand models sends a few hundred KB). */
    public static final int MAX_LOOKUP_BYTES = 8 * 1024 * 1024;
    /** The most of a non-200 answer read for its error text. */
    static final int MAX_ERROR_BYTES = 64 * 1024;

    /**
     * One lookup, bounded (docs/architecture.md §9): the whole answer — headers and body — within {@code total}
     * (JDK 17's request timeout stops at the headers: a server trickling its body would hold the caller forever),
     * at most {@link #MAX_LOOKUP_BYTES} read, and aborted at once when {@code cancellation} fires.
     */
    private JsonNode exchange(HttpRequest request, Duration total, Cancellation cancellation) {
        long deadline = System.nanoTime() + total.toNanos();
        CompletableFuture<HttpResponse<java.io.InputStream>> sent = http.sendAsync(request,
                HttpResponse.BodyHandlers.ofInputStream());
        AtomicReference<java.io.InputStream> reading = new AtomicReference<>();
        Runnable abort = () -> {
            sent.cancel(true);
            closeQuietly(reading.get());
        };
        cancellation.onCancel(abort);
        java.util.concurrent.atomic.AtomicBoolean expired = new java.util.concurrent.atomic.AtomicBoolean();
        ScheduledFuture<?> guard = watchdog.schedule(() -> {
            expired.set(true); // before the abort: whoever sees the abort's failure knows it was the time bound
            abort.run();
        }, total.toNanos(), TimeUnit.NANOSECONDS);
        try {
            HttpResponse<java.io.InputStream> response;
            try {
                response = sent.get();
            } catch (java.util.concurrent.CancellationException e) {
                throw cancellation.isCancelled() && !expired.get() ? cancelled() : lookupTimedOut(request, total);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw cancelled();
            } catch (ExecutionException e) {
                if (cancellation.isCancelled()) {
                    throw cancelled();
                }
                Throwable cause = unwrap(e);
                boolean late = expired.get() || (cause instanceof HttpTimeoutException
                        && !(cause instanceof HttpConnectTimeoutException));
                throw late ? lookupTimedOut(request, total) : requestFailed(cause); // a lookup has no first token
            }
            reading.set(response.body());
            if (expired.get() || cancellation.isCancelled()) { // fired between the headers and the set above
                closeQuietly(response.body());
            }
            int limit = response.statusCode() == 200 ? MAX_LOOKUP_BYTES : MAX_ERROR_BYTES;
            byte[] bytes;
            try (java.io.InputStream in = response.body()) {
                bytes = in.readNBytes(limit + 1);
            } catch (IOException e) {
                if (cancellation.isCancelled()) {
                    throw cancelled();
                }
                throw System.nanoTime() >= deadline || expired.get() ? lookupTimedOut(request, total)
                        : requestFailed(e);
            }
            if (bytes.length > limit && response.statusCode() == 200) {
                throw new OllamaException(Kind.LINE_TOO_LONG, "The answer of " + request.uri() + " is larger than "
                        + (MAX_LOOKUP_BYTES >> 20) + " MB; not read further.", 200, null, null);
            }
            String body = new String(bytes, 0, Math.min(bytes.length, limit), StandardCharsets.UTF_8);
            if (response.statusCode() != 200) {
                String message = errorText(body);
                Kind kind = response.statusCode() == 404 && message != null && message.contains("not found")
                        ? Kind.MODEL_NOT_FOUND : Kind.HTTP_STATUS;
                throw new OllamaException(kind, "Ollama answered HTTP " + response.statusCode() + ": "
                        + (message != null ? message : snippet(body)), response.statusCode(), message, null);
            }
            try {
                return JSON.readTree(body);
            } catch (JsonProcessingException e) {
                throw new OllamaException(Kind.MALFORMED_LINE, "Expected JSON from " + request.uri() + " but got: "
                        + snippet(body), 200, null, e);
            }
        } finally {
            guard.cancel(false);
            cancellation.forget(abort);
        }
    }

    private OllamaException lookupTimedOut(HttpRequest request, Duration total) {
        return new OllamaException(Kind.TOTAL_TIMEOUT, "No complete answer from " + request.uri() + " within "
                + seconds(total) + " (the server is stuck, or sends its answer too slowly).", 0, null, null);
    }

    private static void closeQuietly(java.io.InputStream in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException ignored) {
            // closing to abort
        }
    }

    // ---------------------------------------------------------------- housekeeping

    /** Streams currently open (0 when no call is running). */
    public int openStreams() {
        return openStreams.get();
    }

    /** HTTP client tasks running right now (0 when nothing is in flight); a seam: tests check nothing leaks. */
    public int activeThreads() {
        return runningTasks.get();
    }

    /** True when no call runs and no HTTP client task is busy (nothing leaked); a seam for the same tests. */
    public boolean isIdle() {
        return openStreams.get() == 0 && runningTasks.get() == 0;
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
    }

    private void runCounted(Runnable task) {
        runningTasks.incrementAndGet();
        try {
            task.run();
        } finally {
            runningTasks.decrementAndGet();
        }
    }

    private static byte[] write(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request cannot be written as JSON", e);
        }
    }

    private static String errorText(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.hasNonNull("error") ? node.get("error").asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    static String snippet(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= 120 ? oneLine : oneLine.substring(0, 117) + "…";
    }

    private static String describe(Throwable cause) {
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String seconds(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private static OllamaException cancelled() {
        return new OllamaException(Kind.CANCELLED, "The call was cancelled.");
    }

    private static Thread daemon(Runnable r, String name) {
        Thread thread = new Thread(r, name);
        thread.setDaemon(true);
        return thread;
    }
}
