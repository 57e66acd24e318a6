package org.chimerabench.simulator;

import java.util.List;
import org.chimerabench.ollama.ModelNames;

/**
 * A fake model of the built-in simulator: its size, layer count and speeds on the default simulated machine
 * (a 12 GiB GPU, 8 cores; {@link ResponseSurface.Machine}). Rates are tokens per second with every layer on the GPU
 * or on the CPU, at Ollama's defaults (num_batch 512, one thread per physical core).
 */
public record SimulatedModel(String name, String family, String parameterSize, String quantization, int layers,
                             long sizeBytes, int trainedContext, double gpuDecodeRate, double cpuDecodeRate,
                             double gpuPrefillRate, double cpuPrefillRate, String digest) {

    public static final List<SimulatedModel> CATALOGUE = List.of(
            new SimulatedModel("llama3.2-sim:3b", "llama", "3.2B", "Q4_K_M", 28, 2_019_393_189L, 131_072, 118, 17,
                    3_100, 240, "a80c4f17acd55265feec403c7aef86be0c25983ab279d83f3bcd3abbcb5b8b72"),
            new SimulatedModel("gemma3-sim:4b", "gemma3", "4.3B", "Q4_K_M", 34, 3_338_801_804L, 131_072, 99, 12,
                    2_500, 180, "a2af6cc3eb7fa8be8504abaf9b04e88f17a119ec3f04a3addf55f92841195f5a"),
            new SimulatedModel("qwen3-sim:8b", "qwen3", "8.2B", "Q8_0", 36, 8_709_518_944L, 40_960, 54, 6,
                    1_400, 90, "500a1f067a9f782620b40bee6f7b0c89e17ae61f686b92c24933e4ca4b2b8b41"));

    /** Memory of the KV cache for a context of {@code numCtx} tokens (a rough per-layer figure). */
    public long kvCacheBytes(int numCtx) {
        return (long) numCtx * layers * 16 * 1024;
    }

    public static SimulatedModel find(String name) {
        for (SimulatedModel model : CATALOGUE) {
            if (ModelNames.same(model.name(), name)) {
                return model;
            }
        }
        return null;
    }
}
