package org.chimerabench.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * The load-time options of a runner; a change in any of them forces a reload (ollama-api.md §8.3).
 * Null = not set (automatic). A new {@code num_gpu} below 0 or unset never forces a reload.
 */
record RunnerOptions(Integer numCtx, Integer numBatch, Integer numGpu, Integer numThread, Integer mainGpu,
                     Boolean useMmap) {

    static RunnerOptions of(Map<String, Object> options) {
        return new RunnerOptions(integer(options, "num_ctx"), integer(options, "num_batch"),
                integer(options, "num_gpu"), integer(options, "num_thread"), integer(options, "main_gpu"),
                options.get("use_mmap") instanceof Boolean b ? b : null);
    }

    boolean needsReloadFor(RunnerOptions next) {
        boolean gpuChanged = next.numGpu != null && next.numGpu >= 0 && !Objects.equals(numGpu, next.numGpu);
        boolean mmapChanged = next.useMmap != null && !Objects.equals(useMmap, next.useMmap);
        return !Objects.equals(numCtx, next.numCtx) || !Objects.equals(numBatch, next.numBatch) || gpuChanged
                || !Objects.equals(numThread, next.numThread) || !Objects.equals(mainGpu, next.mainGpu) || mmapChanged;
    }

    int effectiveContext(SimulatedModel model) {
        return Math.min(numCtx == null ? 4096 : Math.max(4, numCtx), model.trainedContext());
    }

    /** Layers on the GPU: all that fit when num_gpu is unset or negative, else min(num_gpu, layers). */
    int offloadedLayers(SimulatedModel model) {
        if (numGpu != null && numGpu >= 0) {
            return Math.min(numGpu, model.layers());
        }
        long perLayer = (model.sizeBytes() + model.kvCacheBytes(effectiveContext(model))) / model.layers();
        return (int) Math.min(model.layers(), SimulatedModel.GPU_VRAM_BYTES * 9 / 10 / perLayer);
    }

    private static Integer integer(Map<String, Object> options, String key) {
        return options.get(key) instanceof Number n ? n.intValue() : null;
    }
}
