package org.chimerabench.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated machine: which models are loaded with which runner options, and what each call costs.
 * Deterministic for a seed, per request: the k-th call with the same model, prompt and options draws the same numbers
 * whatever else ran before or between (other sweeps, other endpoints' order, a restart that repeats a call). With
 * prompt variation every trial's prompt is its own, so a sweep's measurements depend only on the seed and its trials.
 * Every duration is multiplied by {@code timeScale} (1 = realistic; tests use a small value), in what is slept and
 * in what is reported alike.
 */
final class SimulatorEngine {

    private static final String[] WORDS = ("the model runs layers on the gpu and the rest on the cpu while the"
            + " context window holds the prompt and every generated token so throughput depends on offload batch"
            + " size and memory bandwidth").split(" ");

    private final long seed;
    private final double timeScale;
    private final double speedFactor;
    private final ResponseSurface surface;
    /**
     * How often each distinct request (its hash) was planned: the k-th identical request draws the k-th numbers.
     * The 50,000 most recent requests are remembered (about 4 MB), so a long-running simulator stays small.
     */
    private final Map<Long, Long> requests = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Long> eldest) {
            return size() > 50_000;
        }
    };
    private final Map<String, Runner> runners = new ConcurrentHashMap<>();

    /** A loaded model. */
    record Runner(SimulatedModel model, RunnerOptions options, ResponseSurface.Placement placement,
                  long expiresAtMillis) {

        long sizeBytes() {
            return placement.sizeBytes();
        }

        long sizeVramBytes() {
            return placement.vramBytes();
        }

        int context() {
            return placement.context();
        }
    }

    /** A load that did not fit: Ollama's error, after the time the attempt took (ns); nothing stays loaded. */
    static final class LoadFailed extends RuntimeException {

        private final long afterNs;

        LoadFailed(String message, long afterNs) {
            super(message, null, false, false);
            this.afterNs = afterNs;
        }

        long afterNs() {
            return afterNs;
        }
    }

    /** What one generate call does: load (0 when warm), prefill, then tokens at a steady gap. */
    record CallPlan(long loadNs, long prefillNs, int promptTokens, List<String> tokens, long tokenGapNs,
                    String doneReason) {

        long evalNs() {
            return tokenGapNs * tokens.size();
        }
    }

    /**
     * Call-to-call noise of the decode rate: 1.5 % (Gaussian CV), and 2 % of calls 10–25 % slower (a background
     * job, a thermal dip). Real figures bracket it: the published Chimeraforge sweep (a laptop RTX 4080, 18 runs
     * of the same baseline options) varies by 0.2–0.4 % run to run; shared or consumer machines see 1–3 %.
     */
    static final double DECODE_NOISE_CV = 0.015;
    static final double OUTLIER_SHARE = 0.02;
    static final double OUTLIER_SLOWDOWN_MIN = 0.10;
    static final double OUTLIER_SLOWDOWN_MAX = 0.25;

    /**
     * Streams sharing the GPU: with k decoding at once each runs at 1 / (1 + {@value #SHARING_COST} (k − 1)) of its
     * own rate, so the aggregate k / (1 + 0.3 (k − 1)) rises sub-linearly — ×1.54 at 2, ×2.11 at 4, ×2.58 at 8 — and
     * saturates at ×3.3 (memory bandwidth, not compute, bounds decode; llama.cpp's parallel slots behave so). A
     * request in prefill slows the others' next tokens by {@value #PREFILL_COST} × each (the batch it shares).
     */
    static final double SHARING_COST = 0.3;
    static final double PREFILL_COST = 0.5;

    /** The factor a token gap is stretched by with {@code streams} decoding and {@code prefills} prefilling. */
    static double sharing(int streams, int prefills) {
        return (1 + SHARING_COST * Math.max(0, streams - 1)) * (1 + PREFILL_COST * Math.max(0, prefills));
    }

    SimulatorEngine(long seed, double timeScale) {
        this(seed, timeScale, ResponseSurface.Machine.DEFAULT);
    }

    SimulatorEngine(long seed, double timeScale, ResponseSurface.Machine machine) {
        this(seed, timeScale, machine, 1.0);
    }

    /** {@code speedFactor} multiplies every decode rate (a server version that decodes faster or slower). */
    SimulatorEngine(long seed, double timeScale, ResponseSurface.Machine machine, double speedFactor) {
        this.seed = seed;
        this.timeScale = timeScale;
        this.speedFactor = speedFactor;
        this.surface = new ResponseSurface(machine);
    }


    double timeScale() {
        return timeScale;
    }

    /** Plans a generate call and updates the loaded runner (a changed runner option reloads the model). */
    CallPlan plan(SimulatedModel model, String prompt, Map<String, Object> options, Duration keepAlive) {
        long request = requestHash(model, prompt, options);
        long occurrence;
        synchronized (requests) {
            occurrence = requests.merge(request, 1L, Long::sum);
        }
        // mixed twice: java.util.Random gives correlated first numbers for neighbouring seeds
        long drawn = mix(mix(seed * 1_000_003L + request) + occurrence);
        Random random = new Random(drawn);
        RunnerOptions wanted = RunnerOptions.of(options);
        // the load draws from its own stream: a cold or warm start does not shift the call's numbers
        long loadNs = ensureLoaded(model, wanted, new Random(mix(drawn)), keepAlive);
        Runner runner = runners.get(model.name());
        double decodeRate = surface.decodeRate(model, runner.placement()) * speedFactor
                * (1 + DECODE_NOISE_CV * random.nextGaussian())
                * (random.nextDouble() < OUTLIER_SHARE ? 1 - OUTLIER_SLOWDOWN_MIN
                        - (OUTLIER_SLOWDOWN_MAX - OUTLIER_SLOWDOWN_MIN) * random.nextDouble() : 1);
        double prefillRate = surface.prefillRate(model, runner.placement()) * (1 + 0.02 * random.nextGaussian());
        int promptTokens = 12 + (int) Math.ceil(words(prompt) * 1.3);
        int tokens = tokenCount(options, random, runner.context());
        List<String> text = new ArrayList<>(tokens);
        for (int i = 0; i < tokens; i++) {
            text.add((i == 0 ? "" : " ") + WORDS[random.nextInt(WORDS.length)]);
        }
        return new CallPlan(loadNs, scaled(promptTokens / prefillRate), promptTokens, text,
                scaled(1.0 / decodeRate), options.get("num_predict") instanceof Number n && n.intValue() == tokens
                        ? "length" : "stop");
    }

    /**
     * The noise-free decode rate a call with these options has (tok/s as measured: eval_count / eval_duration,
     * which the time scale shortens), for tests and benchmarks that need the truth behind the noisy measurements.
     */
    double expectedDecodeTokPerSec(SimulatedModel model, Map<String, Object> options) {
        ResponseSurface.Placement placement = surface.place(model, RunnerOptions.of(options));
        if (!placement.loads()) {
            throw new IllegalArgumentException(model.name() + " does not load with " + options + ": "
                    + placement.loadError());
        }
        return surface.decodeRate(model, placement) * speedFactor / timeScale;
    }

    /**
     * Loads the model with these options when it is not loaded so; returns the load time in ns (≥ ~1 ms). A load that
     * does not fit the GPU ({@link ResponseSurface#place}) unloads the model and throws {@link LoadFailed}.
     */
    long ensureLoaded(SimulatedModel model, RunnerOptions wanted, Random random, Duration keepAlive) {
        Runner current = runners.get(model.name());
        long expires = System.currentTimeMillis() + (keepAlive == null ? 300_000 : keepAlive.toMillis());
        if (current != null && !current.options().needsReloadFor(wanted)) {
            runners.put(model.name(), withExpiry(current, expires));
            return scaled(0.001 + 0.002 * random.nextDouble());
        }
        double gigabytes = model.sizeBytes() / 1e9;
        long loadNs = scaled(0.25 + 0.45 * gigabytes * (1 + 0.05 * random.nextGaussian()));
        ResponseSurface.Placement placement = surface.place(model, wanted);
        if (!placement.loads()) {
            runners.remove(model.name());
            throw new LoadFailed(placement.loadError(), loadNs);
        }
        runners.put(model.name(), new Runner(model, wanted, placement, expires));
        return loadNs;
    }

    void unload(String model) {
        runners.remove(model);
    }

    List<Runner> loaded() {
        long now = System.currentTimeMillis();
        runners.values().removeIf(r -> r.expiresAtMillis() < now);
        return runners.values().stream()
                .sorted((a, b) -> Long.compare(b.expiresAtMillis(), a.expiresAtMillis())).toList();
    }

    private static Runner withExpiry(Runner r, long expires) {
        return new Runner(r.model(), r.options(), r.placement(), expires);
    }

    /** A stable 64-bit hash of what the request asks for (options in key order, so their order does not matter). */
    private static long requestHash(SimulatedModel model, String prompt, Map<String, Object> options) {
        String key = model.name() + '\u0000' + prompt + '\u0000' + new TreeMap<>(options);
        long hash = 0xcbf29ce484222325L; // FNV-1a over the UTF-16 units
        for (int i = 0; i < key.length(); i++) {
            hash = (hash ^ key.charAt(i)) * 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated seeds. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static int tokenCount(Map<String, Object> options, Random random, int context) {
        int natural = 150 + random.nextInt(200);
        int limit = options.get("num_predict") instanceof Number n && n.intValue() > 0 ? n.intValue() : 10 * context;
        return Math.max(1, Math.min(natural, limit));
    }

    private static int words(String text) {
        String trimmed = text == null ? "" : text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private long scaled(double seconds) {
        return Math.max(1, Math.round(seconds * 1e9 * timeScale));
    }
}
