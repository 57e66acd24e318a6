package org.chimerabench.simulator;

/**
 * What the simulated machine does with a model and its runner options, before noise: where the layers go and whether
 * the load fits (num_gpu, num_ctx, num_batch against the GPU's memory), and the decode and prefill rates that follow
 * (placement, spill, num_batch, num_thread). Every effect and its source: docs/architecture.md §8.1. At Ollama's
 * defaults on the default machine the rates are those of the catalogue, so a tuning has something real to find only
 * where the defaults leave it: fewer threads than cores for CPU layers, a smaller batch that frees room for a layer,
 * a larger one for a faster prefill.
 */
final class ResponseSurface {

    /** The GPU's memory and the CPU's physical cores of one simulated machine (one endpoint). */
    record Machine(long vramBytes, int physicalCores) {

        static final Machine DEFAULT = of(OllamaSimulator.DEFAULT_VRAM_GIB, OllamaSimulator.DEFAULT_CPU_CORES);

        /** A machine of {@code vramGib} GiB of GPU memory and {@code cpuCores} physical cores. */
        static Machine of(double vramGib, int cpuCores) {
            if (!(vramGib >= 0) || cpuCores < 1) {
                throw new IllegalArgumentException("the simulated machine needs vram-gib ≥ 0 and cpu-cores ≥ 1, got "
                        + vramGib + " and " + cpuCores);
            }
            return new Machine(Math.round(vramGib * 1024 * 1024 * 1024), cpuCores);
        }
    }

    /**
     * Where a load puts the model: {@code gpuLayers} of its layers on the GPU, {@code vramBytes} as {@code /api/ps}
     * reports them (size_vram: the layers' share of the size), {@code spilledBytes} of them that did not fit and live
     * in shared system memory (the driver's fallback, read over PCIe every token), or the error Ollama answers when
     * the load fails ({@code loadError} set, nothing loaded).
     */
    record Placement(int gpuLayers, long sizeBytes, long vramBytes, long spilledBytes, int context, int batch,
                     int threads, String loadError) {

        boolean loads() {
            return loadError == null;
        }
    }

    /** llama.cpp's and Ollama's default num_batch. */
    static final int DEFAULT_BATCH = 512;
    /** VRAM Ollama's automatic placement leaves free (its per-GPU minimum plus OLLAMA_GPU_OVERHEAD's slack). */
    static final long AUTO_HEADROOM_BYTES = 512L * 1024 * 1024;
    /** The CUDA context and runtime buffers, on the GPU whenever a layer is. */
    static final long GPU_OVERHEAD_BYTES = 256L * 1024 * 1024;
    /** Compute-graph bytes per token of num_batch, per byte of weights (a 3B Q4 model: 65 MB at 512). */
    static final double GRAPH_BYTES_PER_BATCH_TOKEN_PER_WEIGHT_BYTE = 1.0 / 16_000;
    /** An explicit placement up to this much beyond the VRAM spills into shared memory; beyond it the load fails. */
    static final double SPILL_LIMIT = 1.10;
    /** What the driver's fallback reads spilled bytes at (PCIe 4.0 ×16 in practice). */
    static final double PCIE_BYTES_PER_SECOND = 16e9;
    /** Decode on CPU layers is memory bound: it peaks at this share of the physical cores. */
    static final double THREAD_PEAK_SHARE = 0.75;
    /** Each thread beyond the peak costs this much of the rate (synchronisation over a saturated memory bus). */
    static final double THREAD_EXCESS_COST = 0.06;
    /** Prefill (batched matrix products) speeds up with num_batch as b / (b + this), saturating. */
    static final double BATCH_HALF_SPEED = 192;
    static final String OUT_OF_MEMORY =
            "llama-server reported out-of-memory during startup: cudaMalloc failed: out of memory";

    private final Machine machine;

    ResponseSurface(Machine machine) {
        this.machine = machine;
    }

    /** Where a load of the model with these options puts it (Ollama's fit when num_gpu is unset or negative). */
    Placement place(SimulatedModel model, RunnerOptions options) {
        int context = options.effectiveContext(model);
        int batch = options.numBatch() == null || options.numBatch() < 1 ? DEFAULT_BATCH : options.numBatch();
        int threads = options.numThread() == null || options.numThread() < 1 ? machine.physicalCores()
                : options.numThread();
        long size = model.sizeBytes() + model.kvCacheBytes(context) + graphBytes(model, batch);
        if (options.numGpu() == null || options.numGpu() < 0) {
            int layers = model.layers();
            while (layers > 0 && needed(model, layers, context, batch) > machine.vramBytes() - AUTO_HEADROOM_BYTES) {
                layers--;
            }
            return new Placement(layers, size, reported(size, layers, model), 0, context, batch, threads, null);
        }
        int layers = Math.min(options.numGpu(), model.layers());
        long needed = needed(model, layers, context, batch);
        if (needed <= machine.vramBytes()) {
            return new Placement(layers, size, reported(size, layers, model), 0, context, batch, threads, null);
        }
        if (needed <= SPILL_LIMIT * machine.vramBytes()) {
            // Ollama reports the placement it asked for; the driver hides the spill (its shared-memory fallback)
            return new Placement(layers, size, reported(size, layers, model), needed - machine.vramBytes(), context,
                    batch, threads, null);
        }
        return new Placement(0, 0, 0, 0, context, batch, threads, OUT_OF_MEMORY);
    }

    /** Decode tok/s of a loaded placement at time scale 1, before noise and before sharing the GPU. */
    double decodeRate(SimulatedModel model, Placement placement) {
        double gpuShare = (double) placement.gpuLayers() / model.layers();
        double cpuRate = model.cpuDecodeRate() * threadFactor(placement.threads());
        double secondsPerToken = gpuShare / model.gpuDecodeRate() + (1 - gpuShare) / cpuRate
                + placement.spilledBytes() / PCIE_BYTES_PER_SECOND;
        return contextPenalty(placement.context()) / secondsPerToken;
    }

    /** Prompt tok/s of a loaded placement at time scale 1, before noise. */
    double prefillRate(SimulatedModel model, Placement placement) {
        double gpuShare = (double) placement.gpuLayers() / model.layers();
        double gpuRate = model.gpuPrefillRate() * batchFactor(placement.batch());
        double cpuRate = model.cpuPrefillRate() * Math.min(placement.threads(), machine.physicalCores())
                / machine.physicalCores();
        double secondsPerToken = gpuShare / gpuRate + (1 - gpuShare) / cpuRate
                + placement.spilledBytes() / PCIE_BYTES_PER_SECOND / Math.max(1, placement.batch());
        return 1 / secondsPerToken;
    }

    /** size_vram as {@code /api/ps} reports it: the layers' share of the model's size. */
    private static long reported(long size, int layers, SimulatedModel model) {
        return size * layers / model.layers();
    }

    /** Bytes on the GPU with {@code layers} of the model there: their weights and KV cache, the graph, the runtime. */
    static long needed(SimulatedModel model, int layers, int context, int batch) {
        if (layers <= 0) {
            return 0;
        }
        long perLayer = (model.sizeBytes() + model.kvCacheBytes(context)) / model.layers();
        return layers * perLayer + graphBytes(model, batch) + GPU_OVERHEAD_BYTES;
    }

    static long graphBytes(SimulatedModel model, int batch) {
        return Math.round(model.sizeBytes() * GRAPH_BYTES_PER_BATCH_TOKEN_PER_WEIGHT_BYTE * batch);
    }

    /**
     * CPU layers' decode rate for {@code threads} relative to Ollama's default (one thread per physical core):
     * rising to a peak at 3/4 of the cores, then falling by {@value #THREAD_EXCESS_COST} per extra thread.
     */
    double threadFactor(int threads) {
        double peak = Math.max(1, Math.round(THREAD_PEAK_SHARE * machine.physicalCores()));
        return rawThreadFactor(threads, peak) / rawThreadFactor(machine.physicalCores(), peak);
    }

    private static double rawThreadFactor(int threads, double peak) {
        return Math.pow(Math.min(threads, peak) / peak, 0.8) / (1 + THREAD_EXCESS_COST * Math.max(0, threads - peak));
    }

    /** Prefill speed for num_batch relative to the default 512. */
    static double batchFactor(int batch) {
        return (batch / (batch + BATCH_HALF_SPEED)) / (DEFAULT_BATCH / (DEFAULT_BATCH + BATCH_HALF_SPEED));
    }

    /** A larger context costs a little decode speed (attention over more KV): −1.5 % per doubling above 2048. */
    static double contextPenalty(int context) {
        return 1 - 0.015 * Math.max(0, Math.log(context / 2048.0) / Math.log(2));
    }
}
