package org.chimerabench.ollama;

import java.util.Map;
import java.util.Objects;

/**
 * The load-time (runner) options of a request — those Ollama compares with the loaded runner's to decide whether to
 * reload the model (docs/ollama-api.md §8.3; {@code runnerRef.needsReload} in Ollama's server/sched.go). Null = not
 * sent (automatic). Shared by the built-in simulator (which obeys the rule) and the sweep runner (which must work
 * around it).
 */
public record LoadOptions(Integer numCtx, Integer numBatch, Integer numGpu, Integer numThread, Integer mainGpu,
                          Boolean useMmap) {

    /** A request that sends no load-time option: Ollama's defaults. */
    public static final LoadOptions DEFAULTS = new LoadOptions(null, null, null, null, null, null);

    /** The load-time options among a request's options (null or empty = {@link #DEFAULTS}). */
    public static LoadOptions of(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return DEFAULTS;
        }
        return new LoadOptions(integer(options, "num_ctx"), integer(options, "num_batch"),
                integer(options, "num_gpu"), integer(options, "num_thread"), integer(options, "main_gpu"),
                options.get("use_mmap") instanceof Boolean b ? b : null);
    }

    /**
     * Ollama's rule: does a runner loaded with these options get unloaded and loaded again for a request with
     * {@code next}? num_ctx and num_batch: automatic on both sides is no difference, explicit against automatic is;
     * a new num_gpu unset or below 0 is never a reason; a new use_mmap only when it is sent; any other difference is.
     */
    public boolean reloadsFor(LoadOptions next) {
        boolean gpuChanged = next.numGpu != null && next.numGpu >= 0 && !Objects.equals(gpu(), next.numGpu);
        boolean mmapChanged = next.useMmap != null && !Objects.equals(useMmap, next.useMmap);
        return !Objects.equals(numCtx, next.numCtx) || !Objects.equals(numBatch, next.numBatch) || gpuChanged
                || !Objects.equals(numThread, next.numThread) || !Objects.equals(mainGpu, next.mainGpu) || mmapChanged;
    }

    /**
     * Whether a request with {@code next} would run on a runner loaded with these options although it asks for
     * another one: Ollama keeps the runner (no reload), but a fresh load for {@code next} would differ — the
     * loaded runner has an explicit num_gpu (or use_mmap) where {@code next} leaves it to Ollama. A baseline call
     * after a {@code num_gpu: 14} call is the case: it would measure 14 layers, not Ollama's default placement.
     */
    public boolean keepsAnotherRunnerFor(LoadOptions next) {
        return !reloadsFor(next) && !(Objects.equals(gpu(), next.gpu()) && Objects.equals(useMmap, next.useMmap));
    }

    /** num_gpu as the runner holds it: unset and negative are both "automatic" (-1). */
    private int gpu() {
        return numGpu == null || numGpu < 0 ? -1 : numGpu;
    }

    private static Integer integer(Map<String, Object> options, String key) {
        return options.get(key) instanceof Number n ? n.intValue() : null;
    }
}
