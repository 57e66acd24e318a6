package org.chimerabench.ollama;

import java.time.Duration;

/**
 * Limits of one call. {@code firstToken} covers request start → response headers (Ollama sends them with the
 * first line, after any model load); {@code idle} is the longest allowed gap between two lines; {@code total}
 * bounds the whole call.
 */
public record OllamaTimeouts(Duration connect, Duration firstToken, Duration idle, Duration total) {

    public static final OllamaTimeouts DEFAULT = new OllamaTimeouts(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofSeconds(60), Duration.ofMinutes(30));

    public OllamaTimeouts {
        for (Duration d : new Duration[] {connect, firstToken, idle, total}) {
            if (d == null || d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive durations");
            }
        }
    }

    public OllamaTimeouts withFirstToken(Duration value) {
        return new OllamaTimeouts(connect, value, idle, total);
    }

    public OllamaTimeouts withIdle(Duration value) {
        return new OllamaTimeouts(connect, firstToken, value, total);
    }

    public OllamaTimeouts withTotal(Duration value) {
        return new OllamaTimeouts(connect, firstToken, idle, value);
    }

    public OllamaTimeouts withConnect(Duration value) {
        return new OllamaTimeouts(value, firstToken, idle, total);
    }
}
