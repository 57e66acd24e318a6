package org.chimerabench.simulator;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The simulator as its own process, from the same jar: {@code java -jar chimera-bench.jar --chimera.mode=simulator
 * --server.port=11500} serves the Ollama API (tags, ps, show, version, generate, chat) and nothing else —
 * no dashboard, no database — so several app instances, CI jobs and people testing their own Ollama tooling can
 * share one. Options: {@code --server.port} (default 11500), {@code --server.address} (default 127.0.0.1; 0.0.0.0
 * for every interface), {@code --chimera.simulator.seed} (42), {@code --chimera.simulator.time-scale} (1.0),
 * {@code --chimera.simulator.version} (the version {@code /api/version} reports) and
 * {@code --chimera.simulator.speed-factor} (1.0; 0.8 decodes 20 % slower — an upgrade that cost speed).
 */
public final class StandaloneSimulator {

    /** The argument (or {@code CHIMERA_MODE=simulator}) that selects this mode. */
    public static final String MODE = "--chimera.mode=simulator";
    public static final int DEFAULT_PORT = 11500;

    private StandaloneSimulator() {
    }

    /** True when the arguments or the environment ask for the standalone simulator. */
    public static boolean requested(String[] args) {
        for (String arg : args) {
            if (arg.equals(MODE)) {
                return true;
            }
        }
        return "simulator".equals(System.getenv("CHIMERA_MODE"));
    }

    /** Starts it and blocks until the process is stopped (SIGTERM, Ctrl-C). */
    public static void run(String[] args) throws InterruptedException {
        OllamaSimulator simulator = start(args);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        System.out.println("Chimera Bench simulator: the Ollama API on " + simulator.baseUrl()
                + " (standalone; register it as an endpoint of the app)");
        stopped.await();
    }

    /** Starts it from {@code --name=value} arguments; the caller closes it. */
    public static OllamaSimulator start(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 2) {
                options.put(arg.substring(2, equals), arg.substring(equals + 1));
            }
        }
        int port = Integer.parseInt(options.getOrDefault("server.port", String.valueOf(DEFAULT_PORT)));
        long seed = Long.parseLong(options.getOrDefault("chimera.simulator.seed", "42"));
        double timeScale = Double.parseDouble(options.getOrDefault("chimera.simulator.time-scale", "1.0"));
        int slots = Integer.parseInt(options.getOrDefault("chimera.simulator.parallel-slots",
                String.valueOf(OllamaSimulator.DEFAULT_SLOTS)));
        InetAddress address;
        try {
            address = InetAddress.getByName(options.getOrDefault("server.address", "127.0.0.1"));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--server.address: unknown address " + e.getMessage(), e);
        }
        double vramGib = Double.parseDouble(options.getOrDefault("chimera.simulator.vram-gib",
                String.valueOf(OllamaSimulator.DEFAULT_VRAM_GIB)));
        int cpuCores = Integer.parseInt(options.getOrDefault("chimera.simulator.cpu-cores",
                String.valueOf(OllamaSimulator.DEFAULT_CPU_CORES)));
        String version = options.getOrDefault("chimera.simulator.version", OllamaSimulator.VERSION);
        double speedFactor = Double.parseDouble(options.getOrDefault("chimera.simulator.speed-factor", "1.0"));
        return OllamaSimulator.start(address, port, seed, timeScale, slots, vramGib, cpuCores, version, speedFactor);
    }
}
