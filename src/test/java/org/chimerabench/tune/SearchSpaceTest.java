package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Map;
import org.chimerabench.ollama.GenerateRequest;
import org.chimerabench.ollama.OllamaClient;
import org.chimerabench.ollama.OllamaTimeouts;
import org.chimerabench.simulator.OllamaSimulator;
import org.junit.jupiter.api.Test;

/**
 * The proposal from a probe of a real server (the simulator on the wire): what is searched and why depends on the
 * model and the GPU, and nothing is searched that cannot matter.
 */
class SearchSpaceTest {

    static final double FAST = 0.01;

    @Test
    void aModelThatDoesNotFitWholeSearchesPlacementBatchAndThreads() {
        try (OllamaSimulator eightGib = OllamaSimulator.start(InetAddress.getLoopbackAddress(), 0, 1, FAST, 4, 8, 8);
             OllamaClient client = new OllamaClient(eightGib.baseUrl(), OllamaTimeouts.DEFAULT)) {
            // someone else's placement is loaded: the probe must not take it for Ollama's fit
            client.generate(GenerateRequest.of("qwen3-sim:8b", "hi", Map.of("num_gpu", 10, "num_predict", 2)));
            ModelProbe probe = ModelProbe.of(client, "qwen3-sim:8b");
            assertThat(probe.layersOllamaFits()).as("Ollama's own fit, not the 10 layers loaded before")
                    .isEqualTo(25); // 24 of the simulator's 36 layers = 66.7 % of 37 offloadable
            assertThat(probe.fitsWhole()).isFalse();

            SearchSpace space = SearchSpace.propose(probe, TuningObjective.THROUGHPUT, null);
            assertThat(space.axes()).extracting(SearchSpace.Axis::option)
                    .containsExactly("num_gpu", "num_batch", "num_thread");
            assertThat(space.axes().get(0).values()).containsExactly(23, 24, 25, 26, 27, 28, 29, 31, 33, 35, 37);
            assertThat(space.axes().get(0).why()).startsWith("Ollama's own fit put about 25 of 37 layers on the GPU"
                    + " (67 % of the model)");
            assertThat(space.axes().get(1).values()).containsExactly(128, 256, 512);
            assertThat(space.axes().get(2).values()).containsExactly(4, 6, 8, 12, 16);
            assertThat(space.skipped()).singleElement().asString().startsWith("num_ctx: kept at 4,096 tokens:");
        }
    }

    @Test
    void aModelThatFitsWholeSearchesOnlyWhatCanMatterForTheObjective() {
        try (OllamaSimulator twelveGib = OllamaSimulator.start(0, 1, FAST);
             OllamaClient client = new OllamaClient(twelveGib.baseUrl(), OllamaTimeouts.DEFAULT)) {
            ModelProbe probe = ModelProbe.of(client, "llama3.2-sim:3b");
            assertThat(probe.fitsWhole()).isTrue();

            SearchSpace throughput = SearchSpace.propose(probe, TuningObjective.THROUGHPUT, 8192);
            assertThat(throughput.axes()).singleElement().satisfies(axis -> {
                assertThat(axis.option()).isEqualTo("num_ctx");
                assertThat(axis.values()).containsExactly(8192, 16384, 32768, 65536);
                assertThat(axis.why()).startsWith("From 8,192 tokens (your minimum) upward in doublings");
            });
            assertThat(throughput.skipped()).hasSize(3).anySatisfy(s -> assertThat(s).startsWith("num_gpu: all 29"))
                    .anySatisfy(s -> assertThat(s).startsWith("num_batch:"))
                    .anySatisfy(s -> assertThat(s).isEqualTo("num_thread: no layer runs on the CPU."));

            SearchSpace ttft = SearchSpace.propose(probe, TuningObjective.FIRST_TOKEN, null);
            assertThat(ttft.axes()).extracting(SearchSpace.Axis::option).containsExactly("num_ctx", "num_batch");
            assertThat(ttft.axes().get(1).values()).containsExactly(256, 512, 1024, 2048);
            assertThat(ttft.axes().get(0).values()).first().isEqualTo(4096);
        }
    }
}
