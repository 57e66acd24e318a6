package org.chimerabench.ollama;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;

/**
 * What this machine's kernel and two plain threads achieve, measured in the same run as a client benchmark: lines
 * written by one thread to loopback TCP connections and read by another thread waiting in a NIO selector (as the
 * JDK HTTP client's selector thread does) — no HTTP, no JSON, no client. The time from write to read is the floor
 * under any client's figure on this machine; what the client adds is its figure minus this one.
 */
final class LoopbackFloor {

    private static final byte[] LINE = ("{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"response\":\"t\","
            + "\"done\":false}\n").getBytes(StandardCharsets.US_ASCII);

    private LoopbackFloor() {
    }

    /**
     * A request/reply exchange over one loopback connection, the TTFT benchmark's exchange without the HTTP client:
     * the caller writes a request line and waits in a selector; a server thread blocked in a read gets it, waits
     * exactly the scripted delay from its arrival (spinning the last 0.3 ms, as the fake does) and writes the reply.
     */
    static final class Exchange implements AutoCloseable {
        private final ServerSocketChannel server;
        private final SocketChannel caller;
        private final SocketChannel served;
        private final Selector selector;
        private final Thread serving;
        private final ByteBuffer in = ByteBuffer.allocate(4096);
        private volatile long delayNanos;

        Exchange() throws IOException {
            server = ServerSocketChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            caller = SocketChannel.open(server.getLocalAddress());
            served = server.accept();
            caller.setOption(StandardSocketOptions.TCP_NODELAY, true);
            served.setOption(StandardSocketOptions.TCP_NODELAY, true);
            selector = Selector.open();
            caller.configureBlocking(false).register(selector, SelectionKey.OP_READ);
            serving = new Thread(this::serve, "loopback-server");
            serving.setDaemon(true);
            serving.start();
        }

        /** One exchange: how much longer than {@code delay} the reply took to be read, in ms. */
        double errorMs(Duration delay) throws IOException {
            delayNanos = delay.toNanos();
            ByteBuffer request = ByteBuffer.wrap(LINE);
            long sent = System.nanoTime();
            while (request.hasRemaining()) {
                caller.write(request);
            }
            while (true) {
                if (selector.select(2000) == 0) {
                    throw new IOException("the loopback reply did not come");
                }
                selector.selectedKeys().clear();
                in.clear();
                int read = caller.read(in);
                long now = System.nanoTime();
                for (int b = 0; b < read; b++) {
                    if (in.get(b) == '\n') {
                        return (now - sent - delayNanos) / 1e6;
                    }
                }
            }
        }

        private void serve() {
            ByteBuffer request = ByteBuffer.allocate(4096);
            ByteBuffer reply = ByteBuffer.allocate(LINE.length);
            try {
                while (true) {
                    request.clear();
                    int read = served.read(request);
                    long arrived = System.nanoTime();
                    if (read < 0) {
                        return;
                    }
                    FakeOllama.waitUntil(arrived + delayNanos);
                    reply.clear().put(LINE).flip();
                    while (reply.hasRemaining()) {
                        served.write(reply);
                    }
                }
            } catch (IOException closed) {
                // closing
            }
        }

        @Override
        public void close() throws IOException {
            caller.close();
            served.close();
            selector.close();
            server.close();
        }
    }

    /**
     * Per line, in ms: {@code streams} connections each carrying {@code lines} lines {@code period} apart, their
     * starts spread over one period (the added-latency benchmark's load without the client).
     */
    static double[] streams(int streams, int lines, Duration period) throws IOException {
        long[][] due = new long[streams][lines];
        long t0 = System.nanoTime() + 20_000_000L;
        for (int s = 0; s < streams; s++) {
            for (int i = 0; i < lines; i++) {
                due[s][i] = t0 + s * period.toNanos() / streams + i * period.toNanos();
            }
        }
        return Arrays.stream(run(due)).flatMapToDouble(Arrays::stream).toArray();
    }

    /** Writes line i of stream s at due[s][i]; returns, per line, read − written in ms. */
    private static double[][] run(long[][] due) throws IOException {
        int streams = due.length;
        long[][] written = new long[streams][];
        double[][] took = new double[streams][];
        SocketChannel[] readers = new SocketChannel[streams];
        SocketChannel[] writers = new SocketChannel[streams];
        try (ServerSocketChannel server = ServerSocketChannel.open()
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
             Selector selector = Selector.open()) {
            for (int s = 0; s < streams; s++) {
                readers[s] = SocketChannel.open(server.getLocalAddress());
                writers[s] = server.accept();
                readers[s].setOption(StandardSocketOptions.TCP_NODELAY, true);
                writers[s].setOption(StandardSocketOptions.TCP_NODELAY, true);
                readers[s].configureBlocking(false).register(selector, SelectionKey.OP_READ, s);
                written[s] = new long[due[s].length];
                took[s] = new double[due[s].length];
            }
            Thread writing = new Thread(() -> write(due, written, writers), "loopback-writer");
            writing.start();
            read(selector, written, took);
            return took;
        } finally {
            for (int s = 0; s < streams; s++) {
                close(readers[s]);
                close(writers[s]);
            }
        }
    }

    /**
     * Writes every line when it is due, from this one thread (like the fake's pacer). Stream s starts s/streams of
     * a period after stream 0, so line i of every stream is due before line i + 1 of any: due order is (i, s).
     */
    private static void write(long[][] due, long[][] written, SocketChannel[] writers) {
        ByteBuffer line = ByteBuffer.allocate(LINE.length);
        for (int i = 0; i < due[0].length; i++) {
            for (int s = 0; s < due.length; s++) {
                long left = due[s][i] - System.nanoTime();
                if (left > 0) {
                    LockSupport.parkNanos(left);
                }
                line.clear().put(LINE).flip();
                written[s][i] = System.nanoTime();
                try {
                    while (line.hasRemaining()) {
                        writers[s].write(line);
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }
    }

    /** Reads until every line has arrived, noting per line how long after its write it was read. */
    private static void read(Selector selector, long[][] written, double[][] took) throws IOException {
        int[] seen = new int[written.length];
        int left = Arrays.stream(written).mapToInt(w -> w.length).sum();
        ByteBuffer in = ByteBuffer.allocate(64 * 1024);
        while (left > 0) {
            if (selector.select(2000) == 0) {
                throw new IOException("loopback lines stopped arriving (" + left + " missing)");
            }
            for (SelectionKey key : selector.selectedKeys()) {
                int s = (Integer) key.attachment();
                in.clear();
                int read = ((SocketChannel) key.channel()).read(in);
                long now = System.nanoTime();
                for (int b = 0; b < read; b++) {
                    if (in.get(b) == '\n') {
                        took[s][seen[s]] = (now - written[s][seen[s]]) / 1e6;
                        seen[s]++;
                        left--;
                    }
                }
            }
            selector.selectedKeys().clear();
        }
    }

    private static void close(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }
}
