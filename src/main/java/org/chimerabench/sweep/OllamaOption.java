package org.chimerabench.sweep;

import java.util.Arrays;
import java.util.Optional;
import org.chimerabench.base.Numbers;

/**
 * The Ollama options a sweep may vary or fix, with their type and accepted range (ollama-api.md §2.2, §8).
 * Runner options force a model reload when they change. Two entries are not Ollama options but the load a
 * configuration is measured under — {@code concurrency} and {@code requestRate} (docs/architecture.md §4.1): they may
 * be axes like any option, are never sent to Ollama, and cannot be fixed or baseline options.
 */
public enum OllamaOption {
    NUM_GPU("num_gpu", Type.INTEGER, -1, 999, true, "layers offloaded to the GPU (−1 = automatic)"),
    NUM_CTX("num_ctx", Type.INTEGER, 4, 1_048_576, true, "context window in tokens"),
    NUM_BATCH("num_batch", Type.INTEGER, 1, 65_536, true, "prompt batch size"),
    NUM_THREAD("num_thread", Type.INTEGER, 0, 1024, true, "CPU threads (0 = automatic)"),
    MAIN_GPU("main_gpu", Type.INTEGER, 0, 64, true, "GPU that holds the model"),
    USE_MMAP("use_mmap", Type.BOOLEAN, 0, 1, true, "memory-map the model file"),
    TEMPERATURE("temperature", Type.FLOAT, 0, 2, false, "sampling temperature"),
    TOP_P("top_p", Type.FLOAT, 0, 1, false, "nucleus sampling"),
    TOP_K("top_k", Type.INTEGER, 0, 1000, false, "top-k sampling (0 = off)"),
    MIN_P("min_p", Type.FLOAT, 0, 1, false, "minimum probability"),
    TYPICAL_P("typical_p", Type.FLOAT, 0, 1, false, "locally typical sampling"),
    REPEAT_PENALTY("repeat_penalty", Type.FLOAT, 0, 5, false, "repetition penalty"),
    REPEAT_LAST_N("repeat_last_n", Type.INTEGER, -1, 1_048_576, false, "tokens looked back for repetition"),
    PRESENCE_PENALTY("presence_penalty", Type.FLOAT, -2, 2, false, "presence penalty"),
    FREQUENCY_PENALTY("frequency_penalty", Type.FLOAT, -2, 2, false, "frequency penalty"),
    NUM_PREDICT("num_predict", Type.INTEGER, -2, 1_000_000, false, "maximum generated tokens (−1 = unlimited)"),
    NUM_KEEP("num_keep", Type.INTEGER, -1, 1_048_576, false, "prompt tokens kept on context shift"),
    SEED("seed", Type.INTEGER, -1, Integer.MAX_VALUE, false, "random seed (−1 = random)"),
    CONCURRENCY("concurrency", Type.INTEGER, 1, 64, false, "calls in flight at once (the load; not sent)"),
    REQUEST_RATE("requestRate", Type.FLOAT, 0.01, 100, false, "requests per second, Poisson arrivals (the load;"
            + " not sent)");

    /** Value types as Ollama checks them. */
    public enum Type {
        INTEGER, FLOAT, BOOLEAN
    }

    private final String key;
    private final Type type;
    private final double min;
    private final double max;
    private final boolean runner;
    private final String meaning;

    OllamaOption(String key, Type type, double min, double max, boolean runner, String meaning) {
        this.key = key;
        this.type = type;
        this.min = min;
        this.max = max;
        this.runner = runner;
        this.meaning = meaning;
    }

    public String key() {
        return key;
    }

    public Type type() {
        return type;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** True for load-time options: a change reloads the model. */
    public boolean runner() {
        return runner;
    }

    /** True for {@code concurrency} and {@code requestRate}: the load, not an option sent to Ollama. */
    public boolean load() {
        return this == CONCURRENCY || this == REQUEST_RATE;
    }

    /** True when {@code key} names the load ({@code concurrency}, {@code requestRate}), not an Ollama option. */
    public static boolean isLoad(String key) {
        return CONCURRENCY.key.equals(key) || REQUEST_RATE.key.equals(key);
    }

    /** The options without the load keys: what is sent to Ollama, or what a configuration is besides its load. */
    public static java.util.Map<String, Object> withoutLoad(java.util.Map<String, Object> options) {
        java.util.Map<String, Object> rest = new java.util.LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (!isLoad(key)) {
                rest.put(key, value);
            }
        });
        return rest;
    }

    public String meaning() {
        return meaning;
    }

    public static Optional<OllamaOption> byKey(String key) {
        return Arrays.stream(values()).filter(o -> o.key.equals(key)).findFirst();
    }

    /**
     * The value as Ollama expects it (Integer, Double or Boolean), or an error message saying what is wrong.
     */
    public Object coerce(Object value) {
        switch (type) {
            case BOOLEAN -> {
                if (value instanceof Boolean b) {
                    return b;
                }
                throw new IllegalArgumentException(key + " must be true or false, got " + value);
            }
            case INTEGER -> {
                if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException(key + " must be a whole number, got " + value);
                }
                checkRange(n.doubleValue());
                return n.intValue();
            }
            default -> {
                if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
                    throw new IllegalArgumentException(key + " must be a number, got " + value);
                }
                checkRange(n.doubleValue());
                return n.doubleValue();
            }
        }
    }

    private void checkRange(double value) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + " must be between " + format(min) + " and " + format(max)
                    + ", got " + format(value));
        }
    }

    private static String format(double value) {
        return Numbers.plain(value);
    }
}
