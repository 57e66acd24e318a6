package org.chimerabench.ollama;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * One HTTP exchange run by {@link HttpClient#send} on the calling thread, abortable from any other thread.
 *
 * <p>Why not {@code sendAsync}: the JDK client hangs a {@code whenCompleteAsync} on every {@code sendAsync} result
 * "so that dependent actions run in the default executor" — and on a machine with two cores that executor starts a
 * new thread per task. Measured on 2 vCPUs: 150 → 60–100 µs of selector-thread CPU per call, and with 32 streams
 * the lines of the other streams no longer wait behind those thread starts when streams begin and end together.
 * {@code send} waits on the calling thread instead, which has to wait for the call anyway.
 *
 * <p>{@link #abort()} interrupts the caller while it is inside {@code send} (the JDK then cancels the exchange and
 * closes its connection) and the interrupt is cleared again afterwards, so a caller never sees an interrupt it did
 * not get from someone else.
 */
final class CallerThreadExchange {

    private final Thread caller = Thread.currentThread();
    private boolean sending;
    private boolean aborted;

    /**
     * Sends on the calling thread.
     *
     * @return the response, or null when {@link #abort()} stopped it (the aborting side knows why)
     * @throws InterruptedException when someone else interrupted the caller
     */
    <T> HttpResponse<T> send(HttpClient http, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        synchronized (this) {
            if (aborted) {
                return null;
            }
            sending = true;
        }
        try {
            return http.send(request, handler);
        } catch (InterruptedException e) {
            synchronized (this) {
                if (aborted) {
                    return null;
                }
            }
            throw e;
        } finally {
            synchronized (this) {
                sending = false;
                if (aborted) {
                    Thread.interrupted(); // ours, not the caller's
                }
            }
        }
    }

    /** Stops the exchange: at once if it is being sent, before it starts otherwise. */
    synchronized void abort() {
        if (aborted) {
            return;
        }
        aborted = true;
        if (sending) {
            caller.interrupt();
        }
    }
}
