package org.chimerabench.ollama;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The fake's placement mode against the real client: Ollama's reload rule (ollama-api.md §8.3) decides when the
 * runner is reloaded, and a request without {@code num_gpu} keeps whatever placement is loaded.
 */
class FakeOllamaPlacementTest {

    static final String MODEL = "m:latest";
    static final long SIZE = 2_000_000_000L;

    final FakeOllama fake = FakeOllama.start().placement(MODEL, 28, SIZE).timeScale(0.02).loadMillis(600);
    final OllamaClient client = new OllamaClient(fake.baseUrl(), OllamaTimeouts.DEFAULT);

    @AfterEach
    void stop() {
        client.close();
        fake.close();
    }

    StreamedCall run(Map<String, Object> options) {
        return client.generate(GenerateRequest.of(MODEL, "Why is the sky blue?", options));
    }

    long sizeVram() {
        return client.loaded(MODEL).orElseThrow().sizeVramBytes();
    }

    @Test
    void aRequestWithoutNumGpuKeepsThePlacementThatIsLoaded() {
        StreamedCall partial = run(Map.of("num_gpu", 14));
        StreamedCall unset = run(null);

        assertThat(partial.loadedModel()).isTrue();
        assertThat(unset.loadedModel()).isFalse();
        assertThat(fake.loads()).isEqualTo(1);
        assertThat(fake.ran()).extracting(FakeOllama.Ran::gpuLayers).containsExactly(14, 14);
        assertThat(fake.ran()).extracting(FakeOllama.Ran::loaded).containsExactly(true, false);
        assertThat(fake.ran().get(0).options()).isEqualTo(Map.of("num_gpu", 14));
        assertThat(fake.ran().get(1).options()).isEmpty();
        assertThat(sizeVram()).isEqualTo(SIZE / 2);
        assertThat(unset.responseText()).isNotEmpty();
        assertThat(unset.evalCount()).isEqualTo(16);

        StreamedCall allGpu = run(Map.of("num_gpu", 999)); // an explicit num_gpu reloads
        assertThat(allGpu.loadedModel()).isTrue();
        assertThat(fake.ran().get(2).gpuLayers()).isEqualTo(28);
        assertThat(fake.loads()).isEqualTo(2);
        assertThat(sizeVram()).isEqualTo(SIZE);
        // 14 of 28 layers: 1 / (0.5/120 + 0.5/20) ≈ 34 tok/s against 120 all on GPU
        assertThat(partial.decodeTokPerSec()).isBetween(33.0, 35.5);
        assertThat(unset.decodeTokPerSec()).isBetween(33.0, 35.5);
        assertThat(allGpu.decodeTokPerSec()).isBetween(119.0, 121.0);
        assertThat(partial.decodeTokPerSec()).isLessThan(allGpu.decodeTokPerSec() / 3);
        assertThat(fake.ran().get(0).decodeTokPerSec()).isCloseTo(partial.decodeTokPerSec(), within(1e-6));
        assertThat(partial.promptEvalMs()).isCloseTo(20 * 3.5, within(0.01)); // 20 ms × (0.5 + 6 × 0.5)
        assertThat(allGpu.promptEvalMs()).isCloseTo(20, within(0.01));
        assertThat(unset.loadMs()).isEqualTo(1.0);
    }

    @Test
    void afterAnUnloadARequestWithoutOptionsLoadsTheDefaultPlacement() {
        run(Map.of("num_gpu", 14));
        assertThat(client.unloadAndWait(MODEL, Duration.ofMillis(20), Duration.ofSeconds(5))).isTrue();
        assertThat(client.ps()).isEmpty();

        StreamedCall cold = run(null);

        assertThat(cold.loadedModel()).isTrue();
        assertThat(fake.ran().get(1).gpuLayers()).isEqualTo(28);
        assertThat(fake.loads()).isEqualTo(2);
        assertThat(fake.unloads()).isEqualTo(1);
        assertThat(sizeVram()).isEqualTo(SIZE);
        client.unload(MODEL);
        client.unload(MODEL); // nothing loaded: answered, not counted
        assertThat(fake.unloads()).isEqualTo(2);
    }

    @Test
    void explicitVersusAutomaticNumCtxReloadsSamplingOptionsDoNot() {
        run(Map.of("num_ctx", 8192));
        assertThat(client.loaded(MODEL).orElseThrow().contextLength()).isEqualTo(8192);
        run(null); // automatic after explicit: reload
        assertThat(fake.loads()).isEqualTo(2);
        assertThat(client.loaded(MODEL).orElseThrow().contextLength()).isEqualTo(4096);
        run(null); // both automatic: no reload
        run(Map.of("temperature", 0.2, "seed", 7, "top_k", 10));
        assertThat(fake.loads()).isEqualTo(2);
        run(Map.of("num_ctx", 8192, "temperature", 0.9));
        assertThat(fake.loads()).isEqualTo(3);
        StreamedCall short4 = run(Map.of("num_ctx", 8192, "num_predict", 4));
        assertThat(fake.loads()).isEqualTo(3);
        assertThat(short4.evalCount()).isEqualTo(4);
        assertThat(run(Map.of("num_ctx", 4096)).loadedModel()).isTrue(); // two explicit values that differ
        assertThat(fake.ran()).extracting(FakeOllama.Ran::loaded)
                .containsExactly(true, true, false, false, true, false, true);
    }

    @Test
    void anotherClientMovesThePlacementSeenByTheNextRequest() {
        fake.disturbAfter(1, Map.of("num_gpu", 7));

        StreamedCall first = run(null);
        StreamedCall second = run(null);

        assertThat(first.loadedModel()).isTrue();
        assertThat(second.loadedModel()).isFalse(); // the other client paid the load
        assertThat(fake.ran()).extracting(FakeOllama.Ran::gpuLayers).containsExactly(28, 7);
        assertThat(fake.loads()).isEqualTo(1);
        assertThat(fake.otherClientLoads()).isEqualTo(1);
        assertThat(sizeVram()).isEqualTo(SIZE * 7 / 28);
        assertThat(second.decodeTokPerSec()).isLessThan(first.decodeTokPerSec() / 2);

        fake.otherClient(Map.of("num_gpu", 7, "temperature", 0.1)); // same runner options: no reload
        assertThat(fake.otherClientLoads()).isEqualTo(1);
        fake.otherClient(Map.of("num_gpu", 28));
        assertThat(fake.otherClientLoads()).isEqualTo(2);
        assertThat(sizeVram()).isEqualTo(SIZE);
    }

    @Test
    void loadOnlyRequestsUseTheAutomaticPlacementAndTagsAndShowDescribeTheModel() {
        fake.defaultGpuLayers(20);
        double loadMs = client.load("m", null);

        assertThat(loadMs).isGreaterThanOrEqualTo(600);
        assertThat(fake.loads()).isEqualTo(1);
        assertThat(fake.ran()).isEmpty();
        assertThat(sizeVram()).isEqualTo(SIZE * 20 / 28);
        StreamedCall warm = run(null);
        assertThat(warm.loadedModel()).isFalse();
        assertThat(fake.ran().get(0).gpuLayers()).isEqualTo(20);
        assertThat(client.tags()).extracting(ModelInfo::name).containsExactly(MODEL);
        assertThat(client.show(MODEL).blockCount()).isEqualTo(28);
    }

    @Test
    void scriptModeIsUntouchedWithoutPlacement() {
        try (FakeOllama plain = FakeOllama.start();
             OllamaClient other = new OllamaClient(plain.baseUrl(), OllamaTimeouts.DEFAULT)) {
            StreamedCall call = other.generate(GenerateRequest.of(MODEL, "hi", Map.of("num_gpu", 14)));
            assertThat(call.responseText()).isEqualTo("Hello world");
            assertThat(call.evalCount()).isEqualTo(100);
            assertThat(other.ps()).isEmpty();
            assertThat(other.tags()).isEmpty();
            assertThat(plain.loads()).isZero();
            assertThat(plain.ran()).isEmpty();
        }
    }
}
