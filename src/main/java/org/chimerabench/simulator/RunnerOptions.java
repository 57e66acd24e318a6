package org.chimerabench.simulator;

import java.util.Map;
import org.chimerabench.ollama.LoadOptions;

/**
 * The load-time options of a runner and the simulator's placement from them; whether a request reloads follows
 * Ollama's rule in {@link LoadOptions} (ollama-api.md §8.3). Null = not set (automatic).
 */
record RunnerOptions(Integer numCtx, Integer numBatch, Integer numGpu, Integer numThread, Integer mainGpu,
                     Boolean useMmap) {

    static RunnerOptions of(Map<String, Object> options) {
        return new RunnerOptions(integer(options, "num_ctx"), integer(options, "num_batch"),
                integer(options, "num_gpu"), integer(options, "num_thread"), integer(options, "main_gpu"),
                options.get("use_mmap") instanceof Boolean b ? b : null);
    }

    /** Ollama's reload rule, the one the sweep runner plans with ({@link LoadOptions#reloadsFor}). */
    boolean needsReloadFor(RunnerOptions next) {
        return asLoadOptions().reloadsFor(next.asLoadOptions());
    }

    private LoadOptions asLoadOptions() {
        return new LoadOptions(numCtx, numBatch, numGpu, numThread, mainGpu, useMmap);
    }

    int effectiveContext(SimulatedModel model) {
        return Math.min(numCtx == null ? 4096 : Math.max(4, numCtx), model.trainedContext());
    }

    private static Integer integer(Map<String, Object> options, String key) {
        return options.get(key) instanceof Number n ? n.intValue() : null;
    }
}
