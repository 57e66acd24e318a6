package org.chimerabench.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator's response surface has a real optimum, and where it lies depends on the machine. Reference values
 * computed independently with a 40-line Python transcription of docs/architecture.md §8.1's formulas (not of this
 * class), tolerance 0.01 tok/s or stated.
 */
class ResponseSurfaceTest {

    static final ResponseSurface TWELVE = new ResponseSurface(ResponseSurface.Machine.DEFAULT);
    static final ResponseSurface EIGHT = new ResponseSurface(ResponseSurface.Machine.of(8, 8));
    static final SimulatedModel LLAMA = SimulatedModel.find("llama3.2-sim:3b");
    static final SimulatedModel QWEN = SimulatedModel.find("qwen3-sim:8b");

    @Test
    void atOllamasDefaultsOnTheDefaultMachineTheCatalogueRatesHold() {
        for (SimulatedModel model : SimulatedModel.CATALOGUE) {
            ResponseSurface.Placement placement = TWELVE.place(model, options(Map.of()));
            assertThat(placement.gpuLayers()).as(model.name() + ": every layer fits 12 GiB").isEqualTo(model.layers());
            assertThat(TWELVE.decodeRate(model, placement)).as(model.name())
                    .isCloseTo(model.gpuDecodeRate() * 0.985, within(1e-9)); // −1.5 % for 4096 above 2048
            assertThat(TWELVE.prefillRate(model, placement)).isCloseTo(model.gpuPrefillRate(), within(1e-9));
        }
        // half the layers on the CPU at the default thread count: as before the surface existed
        assertThat(TWELVE.decodeRate(LLAMA, TWELVE.place(LLAMA, options(Map.of("num_gpu", 14)))))
                .isCloseTo(29.2727, within(0.01));
    }

    @Test
    void anExplicitNumGpuBeyondTheGpuSpillsThenFailsToLoadWithOllamasError() {
        double[] expected = {12.938, 13.677, 14.506, 15.442, 16.507, 13.242, 10.995}; // num_gpu 22 … 28, 8 GiB
        for (int layers = 22; layers <= 28; layers++) {
            ResponseSurface.Placement placement = EIGHT.place(QWEN, options(Map.of("num_gpu", layers)));
            assertThat(placement.loads()).isTrue();
            assertThat(EIGHT.decodeRate(QWEN, placement)).as("num_gpu " + layers)
                    .isCloseTo(expected[layers - 22], within(0.01));
        }
        assertThat(EIGHT.place(QWEN, options(Map.of("num_gpu", 27))).spilledBytes()).isEqualTo(301_283_985L);
        for (int layers : new int[] {29, 36, 99}) {
            ResponseSurface.Placement refused = EIGHT.place(QWEN, options(Map.of("num_gpu", layers)));
            assertThat(refused.loads()).isFalse();
            assertThat(refused.loadError()).startsWith("llama-server reported out-of-memory during startup: ");
        }
        // Ollama's own fit keeps headroom: 24 layers, two fewer than the fastest placement that fits (26)
        ResponseSurface.Placement automatic = EIGHT.place(QWEN, options(Map.of()));
        assertThat(automatic.gpuLayers()).isEqualTo(24);
        assertThat(EIGHT.decodeRate(QWEN, automatic)).isCloseTo(14.506, within(0.01));
        // the same model on the 12 GiB machine: everything fits, so the best num_gpu differs by machine
        assertThat(TWELVE.place(QWEN, options(Map.of("num_gpu", 36))).spilledBytes()).isZero();
    }

    @Test
    void aLargerContextPushesLayersOffTheGpuInAutomaticMode() {
        int[] expected = {36, 31, 23, 15};
        int[] contexts = {4096, 8192, 16384, 32768};
        for (int i = 0; i < contexts.length; i++) {
            assertThat(TWELVE.place(QWEN, options(Map.of("num_ctx", contexts[i]))).gpuLayers())
                    .as("num_ctx " + contexts[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void numBatchTradesPrefillSpeedAgainstRoomOnTheGpu() {
        assertThat(ResponseSurface.batchFactor(128)).isCloseTo(0.55, within(1e-9));
        assertThat(ResponseSurface.batchFactor(2048)).isCloseTo(1.257143, within(1e-6));
        assertThat(TWELVE.prefillRate(LLAMA, TWELVE.place(LLAMA, options(Map.of("num_batch", 2048)))))
                .isCloseTo(3897.14, within(0.01));
        // on the tight GPU a large batch's graph costs layers, so decode slows
        int[] layers = {24, 24, 24, 23, 21};
        double[] decode = {14.506, 14.506, 14.506, 13.677, 12.275};
        int[] batches = {128, 256, 512, 1024, 2048};
        for (int i = 0; i < batches.length; i++) {
            ResponseSurface.Placement placement = EIGHT.place(QWEN, options(Map.of("num_batch", batches[i])));
            assertThat(placement.gpuLayers()).as("num_batch " + batches[i]).isEqualTo(layers[i]);
            assertThat(EIGHT.decodeRate(QWEN, placement)).isCloseTo(decode[i], within(0.01));
        }
    }

    @Test
    void cpuLayersDecodeFastestAtThreeQuartersOfTheCoresWhilePrefillWantsThemAll() {
        assertThat(TWELVE.threadFactor(6)).isCloseTo(1.12, within(1e-9));
        assertThat(TWELVE.threadFactor(4)).isCloseTo(0.809739, within(1e-6));
        assertThat(TWELVE.threadFactor(12)).isCloseTo(0.823529, within(1e-6));
        ResponseSurface.Placement six = EIGHT.place(QWEN, options(Map.of("num_thread", 6)));
        ResponseSurface.Placement eight = EIGHT.place(QWEN, options(Map.of()));
        assertThat(EIGHT.decodeRate(QWEN, six)).isCloseTo(15.900, within(0.01));
        assertThat(EIGHT.decodeRate(QWEN, eight)).isCloseTo(14.506, within(0.01));
        assertThat(EIGHT.prefillRate(QWEN, six)).as("TTFT pays for it").isCloseTo(184.69, within(0.01));
        assertThat(EIGHT.prefillRate(QWEN, eight)).isCloseTo(239.24, within(0.01));
        // a machine with 16 cores peaks at 12 threads
        ResponseSurface sixteen = new ResponseSurface(ResponseSurface.Machine.of(12, 16));
        assertThat(sixteen.threadFactor(12)).isGreaterThan(sixteen.threadFactor(11))
                .isGreaterThan(sixteen.threadFactor(13)).isGreaterThan(1);
    }

    static RunnerOptions options(Map<String, Object> options) {
        return RunnerOptions.of(options);
    }
}
