package org.chimerabench.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.ollama.GenerateRequest;
import org.chimerabench.ollama.LoadedModel;
import org.chimerabench.ollama.ModelInfo;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaException;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.ollama.StreamedCall;
import org.junit.jupiter.api.Test;

/** The built-in simulator, driven through the real client over HTTP: realistic shapes, deterministic per seed. */
class OllamaSimulatorTest {

    static final String MODEL = "gemma3-sim:4b"; // 34 layers
    static final double FAST = 0.02;             // every simulated duration × 0.02

    @Test
    void gridOfTwoByTwoHasTheRightShapes() {
        try (OllamaSimulator simulator = OllamaSimulator.start(0, 7, FAST);
             OllamaClient client = new OllamaClient(simulator.baseUrl(), OllamaTimeouts.DEFAULT)) {
            List<StreamedCall> calls = runGrid(client);
            StreamedCall partialSmall = calls.get(0);  // num_gpu 20, num_ctx 2048 (first call: loads)
            StreamedCall partialLarge = calls.get(2);  // num_gpu 20, num_ctx 8192
            StreamedCall fullSmall = calls.get(4);     // num_gpu 34, num_ctx 2048
            StreamedCall fullLarge = calls.get(6);     // num_gpu 34, num_ctx 8192

            assertThat(partialSmall.decodeTokPerSec()).as("CPU spill: 20 of 34 layers on the GPU is slower")
                    .isLessThan(fullSmall.decodeTokPerSec() * 0.5);
            assertThat(fullLarge.decodeTokPerSec()).as("a larger context costs a little speed")
                    .isLessThan(fullSmall.decodeTokPerSec()).isGreaterThan(fullSmall.decodeTokPerSec() * 0.9);
            assertThat(partialLarge.loadMs()).as("changing num_ctx reloads the model").isGreaterThan(10);
            assertThat(calls.get(1).loadMs()).as("same options again: warm").isLessThan(1).isGreaterThan(0);
            assertThat(calls.get(3).loadMs()).isLessThan(1);
            for (StreamedCall call : calls) {
                assertThat(call.evalCount()).isEqualTo(64); // num_predict caps the output
                assertThat(call.doneReason()).isEqualTo("length");
                assertThat(call.responseText()).isNotBlank();
                assertThat(call.ttftMs()).isGreaterThan(call.loadMs());
            }
        }
    }

    @Test
    void sameSeedGivesTheSameNumbers() {
        List<StreamedCall> first;
        List<StreamedCall> second;
        try (OllamaSimulator a = OllamaSimulator.start(0, 42, FAST);
             OllamaClient client = new OllamaClient(a.baseUrl(), OllamaTimeouts.DEFAULT)) {
            first = runGrid(client);
        }
        try (OllamaSimulator b = OllamaSimulator.start(0, 42, FAST);
             OllamaClient client = new OllamaClient(b.baseUrl(), OllamaTimeouts.DEFAULT)) {
            second = runGrid(client);
        }
        for (int i = 0; i < first.size(); i++) {
            assertThat(second.get(i).evalNs()).isEqualTo(first.get(i).evalNs());
            assertThat(second.get(i).loadNs()).isEqualTo(first.get(i).loadNs());
            assertThat(second.get(i).promptEvalNs()).isEqualTo(first.get(i).promptEvalNs());
            assertThat(second.get(i).responseText()).isEqualTo(first.get(i).responseText());
        }
        try (OllamaSimulator c = OllamaSimulator.start(0, 43, FAST);
             OllamaClient client = new OllamaClient(c.baseUrl(), OllamaTimeouts.DEFAULT)) {
            assertThat(runGrid(client).get(1).evalNs()).as("another seed, other numbers")
                    .isNotEqualTo(first.get(1).evalNs());
        }
    }

    @Test
    void psReportsVramConsistentWithNumGpuAndColdStartsWork() {
        try (OllamaSimulator simulator = OllamaSimulator.start(0, 1, FAST);
             OllamaClient client = new OllamaClient(simulator.baseUrl(), OllamaTimeouts.DEFAULT)) {
            client.generate(GenerateRequest.of(MODEL, "hello there", options(17, 4096)));
            LoadedModel loaded = client.ps().get(0);
            assertThat(loaded.name()).isEqualTo(MODEL);
            assertThat(loaded.gpuOffloadPct()).isCloseTo(50.0, within(0.5)); // 17 of 34 layers
            assertThat(loaded.contextLength()).isEqualTo(4096);

            assertThat(client.unloadAndWait(MODEL, Duration.ofMillis(10), Duration.ofSeconds(5))).isTrue();
            assertThat(client.ps()).isEmpty();
            StreamedCall cold = client.generate(GenerateRequest.of(MODEL, "hello again", options(17, 4096)));
            assertThat(cold.loadMs()).as("after an unload the model loads again").isGreaterThan(10);

            ModelInfo show = client.show(MODEL);
            assertThat(show.blockCount()).isEqualTo(34);
            assertThat(show.quantization()).isEqualTo("Q4_K_M");
            assertThat(show.digest()).hasSize(64);
            assertThat(client.tags()).hasSize(3);
            assertThat(client.version()).isEqualTo(OllamaSimulator.VERSION);
        }
    }

    @Test
    void errorsLikeTheRealServer() {
        try (OllamaSimulator simulator = OllamaSimulator.start(0, 1, FAST);
             OllamaClient client = new OllamaClient(simulator.baseUrl(), OllamaTimeouts.DEFAULT)) {
            OllamaException unknown = catchThrowableOfType(
                    () -> client.generate(GenerateRequest.of("nosuch", "hi", null)), OllamaException.class);
            assertThat(unknown.kind()).isEqualTo(OllamaException.Kind.MODEL_NOT_FOUND);
            assertThat(unknown.serverMessage()).isEqualTo("model 'nosuch' not found");

            OllamaException badType = catchThrowableOfType(
                    () -> client.generate(GenerateRequest.of(MODEL, "hi", Map.of("num_ctx", "8k"))), OllamaException.class);
            assertThat(badType.httpStatus()).isEqualTo(500);
            assertThat(badType.serverMessage()).isEqualTo("option \"num_ctx\" must be of type integer");
        }
    }

    @Test
    void aPlacementBeyondTheGpuFailsToLoadWithOllamasErrorAndLeavesNothingLoaded() {
        try (OllamaSimulator simulator = OllamaSimulator.start(InetAddress.getLoopbackAddress(), 0, 1, FAST, 4, 8, 8);
             OllamaClient client = new OllamaClient(simulator.baseUrl(), OllamaTimeouts.DEFAULT)) {
            String qwen = "qwen3-sim:8b";
            client.generate(GenerateRequest.of(qwen, "hello", Map.of("num_gpu", 26, "num_predict", 4)));
            assertThat(client.ps()).hasSize(1);
            OllamaException refused = catchThrowableOfType(() -> client.generate(GenerateRequest.of(qwen, "hello",
                    Map.of("num_gpu", 36, "num_predict", 4))), OllamaException.class);
            assertThat(refused.httpStatus()).isEqualTo(500);
            assertThat(refused.serverMessage()).isEqualTo(
                    "llama-server reported out-of-memory during startup: cudaMalloc failed: out of memory");
            assertThat(client.ps()).as("the failed load unloaded the model").isEmpty();
            StreamedCall automatic = client.generate(GenerateRequest.of(qwen, "hello", Map.of("num_predict", 4)));
            assertThat(automatic.loadMs()).isPositive();
            assertThat(client.ps().get(0).gpuOffloadPct()).as("Ollama's own fit on 8 GiB: 24 of 36 layers")
                    .isCloseTo(66.7, within(0.1));
        }
    }

    @Test
    void twoStandaloneSimulatorsOfDifferentSizesPlaceTheSameModelDifferently() {
        try (OllamaSimulator small = StandaloneSimulator.start(new String[] {"--server.port=0",
                "--chimera.simulator.time-scale=0.01", "--chimera.simulator.vram-gib=8",
                "--chimera.simulator.cpu-cores=6"});
             OllamaSimulator large = StandaloneSimulator.start(new String[] {"--server.port=0",
                     "--chimera.simulator.time-scale=0.01"});
             OllamaClient onSmall = new OllamaClient(small.baseUrl(), OllamaTimeouts.DEFAULT);
             OllamaClient onLarge = new OllamaClient(large.baseUrl(), OllamaTimeouts.DEFAULT)) {
            Map<String, Object> defaults = Map.of("num_predict", 4);
            onSmall.generate(GenerateRequest.of("qwen3-sim:8b", "hello", defaults));
            onLarge.generate(GenerateRequest.of("qwen3-sim:8b", "hello", defaults));
            assertThat(onSmall.ps().get(0).gpuOffloadPct()).as("8 GiB: 24 of 36 layers").isCloseTo(66.7, within(0.1));
            assertThat(onLarge.ps().get(0).gpuOffloadPct()).as("12 GiB: all of them").isEqualTo(100.0);
            // with 6 cores CPU layers peak at round(4.5) = 5 threads (not 6 as with 8 cores)
            double five = small.expectedDecodeTokPerSec("qwen3-sim:8b", Map.of("num_thread", 5));
            assertThat(five).isGreaterThan(small.expectedDecodeTokPerSec("qwen3-sim:8b", Map.of("num_thread", 4)))
                    .isGreaterThan(small.expectedDecodeTokPerSec("qwen3-sim:8b", Map.of("num_thread", 6)));
        }
    }

    /** Issue 28: an "upgraded" simulator reports its version and decodes at the factor given; the same seed else. */
    @Test
    void aRestartAsAnotherVersionReportsItAndDecodesAtItsSpeedFactor() {
        try (OllamaSimulator before = StandaloneSimulator.start(new String[] {"--server.port=0",
                "--chimera.simulator.time-scale=0.01"});
             OllamaSimulator after = StandaloneSimulator.start(new String[] {"--server.port=0",
                     "--chimera.simulator.time-scale=0.01", "--chimera.simulator.version=0.32.16",
                     "--chimera.simulator.speed-factor=0.8"});
             OllamaClient onBefore = new OllamaClient(before.baseUrl(), OllamaTimeouts.DEFAULT);
             OllamaClient onAfter = new OllamaClient(after.baseUrl(), OllamaTimeouts.DEFAULT)) {
            assertThat(onBefore.version()).isEqualTo(OllamaSimulator.VERSION);
            assertThat(onAfter.version()).isEqualTo("0.32.16");
            Map<String, Object> options = Map.of("num_predict", 32);
            assertThat(after.expectedDecodeTokPerSec(MODEL, options))
                    .isCloseTo(0.8 * before.expectedDecodeTokPerSec(MODEL, options), within(1e-6));
            // the same request draws the same noise on both: the measured rates keep the factor within the timing
            StreamedCall slow = onAfter.generate(GenerateRequest.of(MODEL, "the same prompt", options));
            StreamedCall fast = onBefore.generate(GenerateRequest.of(MODEL, "the same prompt", options));
            assertThat(slow.decodeTokPerSec() / fast.decodeTokPerSec()).isCloseTo(0.8, within(0.05));
        }
        IllegalArgumentException wrong = catchThrowableOfType(() -> StandaloneSimulator.start(new String[] {
                "--server.port=0", "--chimera.simulator.speed-factor=0"}), IllegalArgumentException.class);
        assertThat(wrong).hasMessageContaining("speed factor must be above 0");
    }

    /** num_gpu 20/34 × num_ctx 2048/8192, each configuration twice; 64 tokens per call. */
    static List<StreamedCall> runGrid(OllamaClient client) {
        List<StreamedCall> calls = new ArrayList<>();
        int prompt = 0;
        for (int gpu : new int[] {20, 34}) {
            for (int ctx : new int[] {2048, 8192}) {
                for (int repeat = 0; repeat < 2; repeat++) {
                    calls.add(client.generate(GenerateRequest.of(MODEL, "Write about GPUs, take " + prompt++,
                            options(gpu, ctx))));
                }
            }
        }
        return calls;
    }

    static Map<String, Object> options(int numGpu, int numCtx) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_gpu", numGpu);
        options.put("num_ctx", numCtx);
        options.put("num_predict", 64);
        return options;
    }
}
