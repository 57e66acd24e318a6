package org.chimerabench.ollama;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that notes when the HTTP client starts sending it — the moment the request goes out on an open
 * connection. TTFT, time to headers and E2E count from there (docs/architecture.md §5: "from sending the request"),
 * not from when the call was handed to the client, whose own set-up is not the server's latency.
 */
final class TimedBody implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher bytes;
    private volatile long sentAt;

    TimedBody(byte[] body) {
        this.bytes = HttpRequest.BodyPublishers.ofByteArray(body);
    }

    @Override
    public long contentLength() {
        return bytes.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        sentAt = System.nanoTime(); // the last subscription wins: a retried request is timed from its retry
        bytes.subscribe(subscriber);
    }

    /** When sending started, or {@code fallback} if it never did. */
    long sentAt(long fallback) {
        long at = sentAt;
        return at == 0 ? fallback : at;
    }
}
