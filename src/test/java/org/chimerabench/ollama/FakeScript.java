package org.chimerabench.ollama;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the fake Ollama does with one request: when it sends headers together with the first line, the lines and
 * the gaps between them, how it ends — or a plain error status. Durations in the final line are nanoseconds and
 * zero metrics are left out, as the real server does (ollama-api.md §1).
 */
public final class FakeScript {

    /** One line, sent {@code delayNanos} after the previous one (the first: after the request arrived). */
    record Step(long delayNanos, String line) {
    }

    final int status;
    final String contentType;
    final String body;
    final List<Step> steps = new ArrayList<>();
    private final String model;
    private long nextDelay;

    private FakeScript(int status, String contentType, String body, String model) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
        this.model = model;
    }

    /** A streamed 200 reply for this model; add lines with the builder methods. */
    public static FakeScript stream(String model) {
        return new FakeScript(200, "application/x-ndjson", null, model);
    }

    /** A reply with this status and JSON body, sent at once (errors happen before any NDJSON). */
    public static FakeScript status(int status, String jsonBody) {
        return new FakeScript(status, "application/json; charset=utf-8", jsonBody, null);
    }

    /** Any status, content type and body (e.g. an HTML page from a proxy). */
    public static FakeScript raw(int status, String contentType, String body) {
        return new FakeScript(status, contentType, body, null);
    }

    /** Wait before the next line (for the first line: before headers and line). */
    public FakeScript after(Duration delay) {
        nextDelay += delay.toNanos();
        return this;
    }

    public FakeScript chunk(String response) {
        return line(json("response", response, "done", false));
    }

    public FakeScript thinking(String thinking) {
        return line(json("response", "", "thinking", thinking, "done", false));
    }

    /** {@code count} response chunks, {@code gap} apart (the first one after any pending delay). */
    public FakeScript chunks(int count, String text, Duration gap) {
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                after(gap);
            }
            chunk(text);
        }
        return this;
    }

    /**
     * The final line: {@code done:true}, done_reason "stop", the given text and metrics in ns; zero metrics are
     * omitted from the JSON.
     */
    public FakeScript done(String finalText, long totalNs, long loadNs, int promptEvalCount, long promptEvalNs,
                           int evalCount, long evalNs) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("response", finalText);
        fields.put("done", true);
        fields.put("done_reason", "stop");
        putIfNonZero(fields, "total_duration", totalNs);
        putIfNonZero(fields, "load_duration", loadNs);
        putIfNonZero(fields, "prompt_eval_count", promptEvalCount);
        putIfNonZero(fields, "prompt_eval_duration", promptEvalNs);
        putIfNonZero(fields, "eval_count", evalCount);
        putIfNonZero(fields, "eval_duration", evalNs);
        return line(json(fields));
    }

    /** A typical final line: 100 tokens in 2 s, 20 prompt tokens in 0.1 s, warm (1 ms load). */
    public FakeScript done() {
        return done("", 2_200_000_000L, 1_000_000L, 20, 100_000_000L, 100, 2_000_000_000L);
    }

    /** The line the real server writes when inference fails after the first line. */
    public FakeScript errorLine(String message) {
        return line("{\"error\":" + quote(message) + "}");
    }

    /** Any text as one line (malformed JSON, huge lines, …). */
    public FakeScript rawLine(String text) {
        return line(text);
    }

    private FakeScript line(String text) {
        steps.add(new Step(nextDelay, text));
        nextDelay = 0;
        return this;
    }

    private String json(Object... keyValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put((String) keyValues[i], keyValues[i + 1]);
        }
        return json(fields);
    }

    private String json(Map<String, Object> fields) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("model", model);
        all.put("created_at", Instant.now().toString());
        all.putAll(fields);
        return all.entrySet().stream().map(e -> quote(e.getKey()) + ":" + value(e.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static void putIfNonZero(Map<String, Object> fields, String key, long value) {
        if (value != 0) {
            fields.put(key, value);
        }
    }

    private static String value(Object value) {
        return value instanceof String text ? quote(text) : String.valueOf(value);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
