package org.chimerabench.ollama;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import org.chimerabench.ollama.OllamaException.Kind;

/**
 * Consumes a streamed Ollama reply as the bytes arrive, on the HTTP client's own thread: splits NDJSON lines
 * (refusing lines over the limit), timestamps each line the moment it is complete — no hand-off to another
 * thread before the clock is read — and measures the call (docs/architecture.md §5). The result, or a typed error,
 * completes {@link #result()}.
 */
final class NdjsonSubscriber implements Flow.Subscriber<List<ByteBuffer>> {

    private final ObjectMapper json;
    private final NdjsonLine.Shape shape;
    private NdjsonLine.Reader reader; // made at the first line, after its clock is read: not on the TTFT path
    private final int maxLineBytes;
    private final long start;
    private final long headers;
    private final Runnable onFinish;
    private final Runnable stopExchange;
    private final CompletableFuture<StreamedCall> result = new CompletableFuture<>();
    private final AtomicBoolean finished = new AtomicBoolean();

    private volatile Flow.Subscription subscription;
    volatile long lastLine;
    private byte[] line = new byte[1024];
    private int length;
    private boolean done;

    private final StringBuilder response = new StringBuilder();
    private final StringBuilder thinking = new StringBuilder();
    private long[] contentTimes = new long[256];
    private int contentCount;
    private long firstToken = -1;
    private long firstAnswer = -1;
    private String model;

    /**
     * @param onFinish     runs once when the stream is over, whichever way
     * @param stopExchange stops the HTTP exchange when this side gives up on the stream (bad line, error line)
     */
    NdjsonSubscriber(ObjectMapper json, NdjsonLine.Shape shape, int maxLineBytes, long start, long headers,
                     Runnable onFinish, Runnable stopExchange) {
        this.json = json;
        this.shape = shape;
        this.maxLineBytes = maxLineBytes;
        this.start = start;
        this.headers = headers;
        this.lastLine = headers;
        this.onFinish = onFinish;
        this.stopExchange = stopExchange;
    }

    CompletableFuture<StreamedCall> result() {
        return result;
    }

    /** Stops the stream and the exchange (bad line, timeouts, cancellation) and fails the call with this error. */
    void abort(OllamaException error) {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        fail(error);
        stopExchange.run();
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        if (finished.get() && !done) {
            return;
        }
        for (ByteBuffer buffer : buffers) {
            while (buffer.hasRemaining()) {
                byte b = buffer.get();
                if (b == '\n') {
                    long now = System.nanoTime();
                    int end = length > 0 && line[length - 1] == '\r' ? length - 1 : length;
                    length = 0;
                    if (!done && !onLine(end, now)) {
                        return;
                    }
                } else {
                    if (length == maxLineBytes) {
                        abort(new OllamaException(Kind.LINE_TOO_LONG, "Ollama sent a line longer than "
                                + maxLineBytes + " bytes (limit " + maxLineBytes / (1024 * 1024) + " MiB).", 200,
                                null, null));
                        return;
                    }
                    if (length == line.length) {
                        line = Arrays.copyOf(line, Math.min(maxLineBytes, line.length * 2));
                    }
                    line[length++] = b;
                }
            }
        }
    }

    @Override
    public void onError(Throwable error) {
        fail(new OllamaException(Kind.INCOMPLETE_STREAM, "The stream ended without a done:true line ("
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage())
                + ") — the server or its model runner stopped mid-reply.", 200, null, error));
    }

    @Override
    public void onComplete() {
        if (!done && length > 0) { // a last line without '\n'
            int end = length;
            length = 0;
            onLine(end, System.nanoTime());
        }
        if (!done) {
            fail(incomplete());
        }
        finish();
    }

    /** The stream is over and no {@code done:true} line came. */
    static OllamaException incomplete() {
        return new OllamaException(Kind.INCOMPLETE_STREAM, "The stream ended without a done:true line — the"
                + " server or its model runner stopped mid-reply.", 200, null, null);
    }

    /** Handles the line in {@code line[0, length)}; @return false when the stream failed and reading must stop */
    private boolean onLine(int length, long now) {
        lastLine = now;
        if (length == line.length) {
            line = Arrays.copyOf(line, length + 1);
        }
        line[length] = '\n'; // the reader is fed whole lines, break included
        NdjsonLine parsed;
        try {
            if (reader == null) {
                reader = new NdjsonLine.Reader(json.getFactory(), shape);
            }
            parsed = reader.read(line, length + 1);
        } catch (IOException e) {
            abort(new OllamaException(Kind.MALFORMED_LINE, "Ollama sent a line that is not JSON: "
                    + OllamaClient.snippet(new String(line, 0, length, StandardCharsets.UTF_8)), 200, null, e));
            return false;
        }
        if (parsed.error() != null) {
            abort(new OllamaException(Kind.MID_STREAM_ERROR, "Ollama failed while streaming: " + parsed.error(), 200,
                    parsed.error(), null));
            return false;
        }
        if (model == null) {
            model = parsed.model();
        }
        if (parsed.hasText()) {
            response.append(parsed.response());
            thinking.append(parsed.thinking());
            if (contentCount == contentTimes.length) {
                contentTimes = Arrays.copyOf(contentTimes, contentCount * 2);
            }
            contentTimes[contentCount++] = now;
            if (firstToken < 0) {
                firstToken = now;
            }
            if (firstAnswer < 0 && !parsed.response().isEmpty()) {
                firstAnswer = now;
            }
        }
        if (parsed.done()) {
            done = true;
            try { // the final line, with the metrics: read once as a tree
                result.complete(measure(json.readTree(line, 0, length), now));
            } catch (IOException e) {
                abort(new OllamaException(Kind.MALFORMED_LINE, "Ollama sent a final line that is not JSON.", 200,
                        null, e));
                return false;
            }
        }
        return true;
    }

    private StreamedCall measure(JsonNode last, long end) {
        double[] gaps = new double[Math.max(0, contentCount - 1)];
        for (int i = 1; i < contentCount; i++) {
            gaps[i - 1] = (contentTimes[i] - contentTimes[i - 1]) / 1e6;
        }
        return new StreamedCall(model, firstToken < 0 ? Double.NaN : (firstToken - start) / 1e6,
                firstAnswer < 0 ? Double.NaN : (firstAnswer - start) / 1e6, (headers - start) / 1e6,
                (end - start) / 1e6, gaps, last.path("load_duration").asLong(0),
                last.path("prompt_eval_duration").asLong(0), last.path("eval_duration").asLong(0),
                last.path("total_duration").asLong(0), last.path("eval_count").asInt(0),
                last.path("prompt_eval_count").asInt(0), last.path("done_reason").asText(null), response.toString(),
                thinking.toString(), contentCount, start);
    }

    private void fail(OllamaException error) {
        result.completeExceptionally(error);
        finish();
    }

    private void finish() {
        if (finished.compareAndSet(false, true)) {
            onFinish.run();
        }
    }
}
