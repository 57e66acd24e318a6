package org.chimerabench.ollama;

/**
 * A failed Ollama request, typed by what went wrong, with a message a user understands (the server's own
 * {@code error} text where it sent one).
 */
public final class OllamaException extends RuntimeException {

    /** What went wrong. */
    public enum Kind {
        /** Nothing answers at the base URL (connection refused, unknown host, connect timeout). */
        UNREACHABLE,
        /** The server does not have the model (HTTP 404). */
        MODEL_NOT_FOUND,
        /** Any other non-200 status, with the server's error text (400, 500, 503 busy, …). */
        HTTP_STATUS,
        /** HTTP 200, then an {@code {"error":…}} line instead of more output. */
        MID_STREAM_ERROR,
        /** The stream ended without a {@code done:true} line. */
        INCOMPLETE_STREAM,
        /** No first line within the first-token timeout. */
        FIRST_TOKEN_TIMEOUT,
        /** Output stalled between two lines for longer than the idle timeout. */
        IDLE_TIMEOUT,
        /** The whole call took longer than the total timeout. */
        TOTAL_TIMEOUT,
        /** A line that is not JSON. */
        MALFORMED_LINE,
        /** A line longer than the client accepts. */
        LINE_TOO_LONG,
        /** HTTP 200 but not NDJSON/JSON (e.g. an HTML page from a proxy). */
        UNEXPECTED_CONTENT_TYPE,
        /** Cancelled by the caller. */
        CANCELLED
    }

    private final Kind kind;
    private final int httpStatus;
    private final String serverMessage;

    public OllamaException(Kind kind, String message, int httpStatus, String serverMessage, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.serverMessage = serverMessage;
    }

    public OllamaException(Kind kind, String message) {
        this(kind, message, 0, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when none was received. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The server's {@code error} text, or null. */
    public String serverMessage() {
        return serverMessage;
    }

    /** True for failures worth retrying (timeouts, a busy or broken server), false for the caller's mistakes. */
    public boolean retryable() {
        return switch (kind) {
            case MODEL_NOT_FOUND, CANCELLED, UNEXPECTED_CONTENT_TYPE -> false;
            case HTTP_STATUS -> httpStatus >= 500;
            default -> true;
        };
    }
}
