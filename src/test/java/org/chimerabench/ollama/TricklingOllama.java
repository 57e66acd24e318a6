package org.chimerabench.ollama;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hostile or broken Ollama on loopback (test fixture): {@code /}, {@code /api/version}, {@code /api/tags} and
 * {@code /api/show} answer at once like the real one (one model, {@code m:latest}); the paths in {@code slowPaths}
 * answer 200 with their headers at once and then either trickle their body one byte every 2 s (never finishing in
 * any useful time) or, {@code endless}, send body bytes as fast as the client reads them, forever.
 */
public final class TricklingOllama implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "trickling-ollama");
        t.setDaemon(true);
        return t;
    });
    private final String slowPaths;
    private final boolean endless;
    private final AtomicInteger slowAnswers = new AtomicInteger();
    private final AtomicLong lastClosedNanos = new AtomicLong();
    private final AtomicLong bytesSent = new AtomicLong();
    private volatile boolean armed = true;

    private TricklingOllama(String slowPaths, boolean endless) throws IOException {
        this.slowPaths = slowPaths;
        this.endless = endless;
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads.execute(this::accept);
    }

    /** Trickles the answers of these paths (e.g. "/api/version /api/tags /api/ps"). */
    public static TricklingOllama trickling(String slowPaths) throws IOException {
        return new TricklingOllama(slowPaths, false);
    }

    /** Sends these paths' answers without end. */
    public static TricklingOllama endless(String slowPaths) throws IOException {
        return new TricklingOllama(slowPaths, true);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Slow answers started so far. */
    public int slowAnswers() {
        return slowAnswers.get();
    }

    /** System.nanoTime() when the client last gave up on a slow answer (closed its connection); 0 = never. */
    public long lastClosedNanos() {
        return lastClosedNanos.get();
    }

    public long bytesSent() {
        return bytesSent.get();
    }

    /** Until {@link #arm()}, the slow paths answer like the others. */
    public TricklingOllama disarmed() {
        armed = false;
        return this;
    }

    public void arm() {
        armed = true;
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                threads.execute(() -> serve(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                String requestLine = line(in);
                if (requestLine == null || requestLine.isEmpty()) {
                    return;
                }
                int length = 0;
                for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
                    if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                        length = Integer.parseInt(header.substring(15).trim());
                    }
                }
                in.readNBytes(length);
                String path = requestLine.split(" ")[1];
                if (armed && slowPaths.contains(path)) {
                    slow(out);
                    return;
                }
                answer(out, switch (path) {
                    case "/api/version" -> "{\"version\":\"0.32.15\"}";
                    case "/api/tags" -> "{\"models\":[{\"name\":\"m:latest\",\"model\":\"m:latest\",\"size\":1,"
                            + "\"details\":{}}]}";
                    case "/api/show" -> "{\"details\":{},\"model_info\":{}}";
                    case "/api/ps" -> "{\"models\":[]}";
                    default -> "{}";
                });
            }
        } catch (IOException clientGone) {
            lastClosedNanos.set(System.nanoTime());
        }
    }

    private void slow(OutputStream out) throws IOException {
        slowAnswers.incrementAndGet();
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        byte[] chunk = endless ? ("10000\r\n" + " ".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.US_ASCII)
                : "1\r\n \r\n".getBytes(StandardCharsets.US_ASCII);
        while (true) {
            out.write(chunk);
            out.flush();
            bytesSent.addAndGet(endless ? 0x10000 : 1);
            if (!endless) {
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void answer(OutputStream out, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: "
                + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1; c = in.read()) {
            if (c == '\n') {
                return line.toString().replace("\r", "");
            }
            line.append((char) c);
        }
        return line.length() == 0 ? null : line.toString();
    }
}
