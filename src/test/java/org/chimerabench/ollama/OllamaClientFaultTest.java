package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.chimerabench.ollama.OllamaException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fault matrix: every way a real Ollama (or what stands at its address) can fail becomes a typed
 * {@link OllamaException} with the server's message — and leaves no stream open and no worker thread busy.
 */
class OllamaClientFaultTest {

    static final OllamaTimeouts FAST = new OllamaTimeouts(Duration.ofSeconds(2), Duration.ofMillis(800),
            Duration.ofMillis(400), Duration.ofSeconds(20));

    final FakeOllama fake = FakeOllama.start();
    final OllamaClient client = new OllamaClient(fake.baseUrl(), FAST);

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    @Test
    void connectionRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (OllamaClient nowhere = new OllamaClient("http://127.0.0.1:" + port, FAST)) {
            OllamaException e = fail(nowhere);
            assertThat(e.kind()).isEqualTo(Kind.UNREACHABLE);
            assertThat(e.getMessage()).contains("Cannot reach http://127.0.0.1:" + port).contains("connection refused");
            assertIdle(nowhere);
        }
    }

    @Test
    void modelNotFound() {
        fake.enqueue(FakeScript.status(404, "{\"error\":\"model 'x' not found\"}"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.MODEL_NOT_FOUND);
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.serverMessage()).isEqualTo("model 'x' not found");
        assertThat(e.retryable()).isFalse();
        assertIdle(client);
    }

    @Test
    void badRequest() {
        fake.enqueue(FakeScript.status(400, "{\"error\":\"invalid think value: \\\"foo\\\" (must be \\\"high\\\","
                + " \\\"medium\\\", \\\"low\\\", \\\"max\\\", true, or false)\"}"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.httpStatus()).isEqualTo(400);
        assertThat(e.serverMessage()).startsWith("invalid think value: \"foo\"");
        assertThat(e.getMessage()).contains("HTTP 400").contains("invalid think value");
        assertIdle(client);
    }

    @Test
    void serverError() {
        fake.enqueue(FakeScript.status(500, "{\"error\":\"llama-server process has terminated: exit status 2\"}"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.httpStatus()).isEqualTo(500);
        assertThat(e.serverMessage()).isEqualTo("llama-server process has terminated: exit status 2");
        assertThat(e.retryable()).isTrue();
        assertIdle(client);
    }

    @Test
    void queueFull() {
        fake.enqueue(FakeScript.status(503,
                "{\"error\":\"server busy, please try again.  maximum pending requests exceeded\"}"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.HTTP_STATUS);
        assertThat(e.httpStatus()).isEqualTo(503);
        assertThat(e.serverMessage()).isEqualTo("server busy, please try again.  maximum pending requests exceeded");
        assertThat(e.retryable()).isTrue();
        assertIdle(client);
    }

    @Test
    void errorLineAfter200() {
        fake.enqueue(FakeScript.stream("m").chunk(" Yes").errorLine(
                "an error was encountered while running the model: unexpected EOF"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.MID_STREAM_ERROR);
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.serverMessage()).isEqualTo("an error was encountered while running the model: unexpected EOF");
        assertIdle(client);
    }

    @Test
    void streamClosedWithoutDone() {
        fake.enqueue(FakeScript.stream("m").chunk("a").chunk("b"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.INCOMPLETE_STREAM);
        assertThat(e.getMessage()).contains("without a done:true line");
        assertIdle(client);
    }

    @Test
    void noFirstLineWithinTheFirstTokenTimeout() {
        fake.enqueue(FakeScript.stream("m").after(Duration.ofSeconds(3)).chunk("late").done());
        long start = System.nanoTime();
        OllamaException e = fail(client);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(e.kind()).isEqualTo(Kind.FIRST_TOKEN_TIMEOUT);
        assertThat(e.getMessage()).contains("No first token").contains("800 ms");
        assertThat(seconds).as("gives up at the timeout, not when the server finally answers").isLessThan(2.0);
        assertIdle(client);
    }

    @Test
    void stallBetweenLinesBeyondTheIdleTimeout() {
        fake.enqueue(FakeScript.stream("m").chunk("a").after(Duration.ofSeconds(3)).chunk("b").done());
        long start = System.nanoTime();
        OllamaException e = fail(client);
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(e.kind()).isEqualTo(Kind.IDLE_TIMEOUT);
        assertThat(e.getMessage()).contains("stopped sending output for more than 400 ms");
        assertThat(seconds).isLessThan(2.0);
        assertIdle(client);
    }

    @Test
    void malformedLine() {
        fake.enqueue(FakeScript.stream("m").chunk("a").rawLine("{\"response\": \"b\", done").done());
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.MALFORMED_LINE);
        assertThat(e.getMessage()).contains("not JSON").contains("{\"response\": \"b\", done");
        assertIdle(client);
    }

    @Test
    void fiveMegabyteLine() {
        String huge = "{\"response\":\"" + "x".repeat(5 * 1024 * 1024) + "\",\"done\":false}";
        fake.enqueue(FakeScript.stream("m").chunk("a").rawLine(huge).done());
        // 5 MB take longer than FAST's 400 ms idle limit to write on a busy machine: this test is about the length
        try (OllamaClient patient = new OllamaClient(fake.baseUrl(), FAST.withIdle(Duration.ofSeconds(10)))) {
            OllamaException e = fail(patient);
            assertThat(e.kind()).isEqualTo(Kind.LINE_TOO_LONG);
            assertThat(e.getMessage()).contains("longer than " + OllamaClient.DEFAULT_MAX_LINE_BYTES + " bytes");
            assertIdle(patient);
        }
    }

    @Test
    void htmlPageWith200() {
        fake.enqueue(FakeScript.raw(200, "text/html; charset=utf-8",
                "<html><body><h1>Welcome to nginx!</h1></body></html>"));
        OllamaException e = fail(client);
        assertThat(e.kind()).isEqualTo(Kind.UNEXPECTED_CONTENT_TYPE);
        assertThat(e.getMessage()).contains("text/html").contains("Welcome to nginx!");
        assertIdle(client);
    }

    @Test
    void cancellationAbortsARunningStream() throws Exception {
        fake.enqueue(FakeScript.stream("m").chunks(200, "t", Duration.ofMillis(20)).done());
        try (OllamaClient patient = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            Cancellation cancellation = new Cancellation();
            var call = CompletableFuture.supplyAsync(
                    () -> patient.generate(GenerateRequest.of("m", "hi", null), cancellation));
            awaitRequests(1); // the stream is under way
            long start = System.nanoTime();
            cancellation.cancel();
            Throwable e = catchThrowableOfType(call::join, CompletionException.class).getCause();
            assertThat(((OllamaException) e).kind()).isEqualTo(Kind.CANCELLED);
            assertThat((System.nanoTime() - start) / 1e6).as("aborts at once, not after 4 s of stream").isLessThan(500);
            assertIdle(patient);
        }
    }

    @Test
    void cancellationBeforeTheFirstLineLeavesTheCallingThreadUsable() throws Exception {
        fake.enqueue(FakeScript.stream("m").after(Duration.ofSeconds(5)).chunks(2, "t", Duration.ZERO).done());
        fake.enqueue(FakeScript.stream("m").chunks(2, "ok", Duration.ZERO).done());
        try (OllamaClient patient = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            Cancellation cancellation = new Cancellation();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    patient.generate(GenerateRequest.of("m", "slow", null), cancellation);
                } catch (OllamaException e) {
                    boolean interrupted = Thread.currentThread().isInterrupted();
                    String next = patient.generate(GenerateRequest.of("m", "next", null)).responseText();
                    outcome.set(e.kind() + " interrupted=" + interrupted + " next=" + next);
                }
            });
            caller.start();
            awaitRequests(1); // the call waits for its first line
            long start = System.nanoTime();
            cancellation.cancel();
            caller.join(3000);
            assertThat(outcome.get()).as("the call ends as cancelled, the thread is not left interrupted and the"
                    + " next call on it works").isEqualTo("CANCELLED interrupted=false next=okok");
            assertThat((System.nanoTime() - start) / 1e6).isLessThan(1500);
            assertIdle(patient);
        }
    }

    @Test
    void anInterruptFromElsewhereStopsTheCallAndIsKept() throws Exception {
        fake.enqueue(FakeScript.stream("m").chunks(200, "t", Duration.ofMillis(20)).done());
        try (OllamaClient patient = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT)) {
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    patient.generate(GenerateRequest.of("m", "long", null));
                } catch (OllamaException e) {
                    outcome.set(e.kind() + " interrupted=" + Thread.currentThread().isInterrupted());
                }
            });
            caller.start();
            awaitRequests(1); // the stream is under way
            caller.interrupt(); // e.g. the application shutting its workers down
            caller.join(3000);
            assertThat(outcome.get()).isEqualTo("CANCELLED interrupted=true");
            assertIdle(patient);
        }
    }

    @Test
    void anIdleTimeoutDoesNotLeaveTheCallingThreadInterrupted() throws Exception {
        fake.enqueue(FakeScript.stream("m").chunk("a").after(Duration.ofSeconds(3)).chunk("b").done());
        assertThat(fail(client).kind()).isEqualTo(Kind.IDLE_TIMEOUT);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        Thread.sleep(10); // would throw if an interrupt had been left behind
        assertIdle(client);
    }

    private static OllamaException fail(OllamaClient client) {
        return catchThrowableOfType(() -> client.generate(GenerateRequest.of("m", "hello", null)),
                OllamaException.class);
    }

    /** No stream left open, no worker thread still busy (within 2 s). */
    static void assertIdle(OllamaClient client) {
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (!client.isIdle() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(client.openStreams()).as("open streams").isZero();
        assertThat(client.activeThreads()).as("busy HTTP threads").isZero();
    }

    /** Until the fake has received this many requests (the calling side is then waiting for or reading the answer). */
    private void awaitRequests(int count) {
        await("request " + count + " arrived").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .until(() -> fake.requestBodies().size() >= count);
    }
}
