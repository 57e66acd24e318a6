package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.ollama.FakeOllama;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.sweep.SweepService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Against a fake Ollama whose GPU holds 16 of the model's 20 layers: a load asking for more fails with HTTP 500 and
 * Ollama's out-of-memory message, as the real server does. Those placements end infeasible with that message, the
 * search goes on, and nothing beyond the edge is ever measured (no prompt ran on it, no call of a stage failed).
 */
@SpringBootTest
@AutoConfigureMockMvc // the context the MockMvc tests share
@AsAdmin
class InfeasibleLoadsTest {

    @Autowired
    TuningService tunings;
    @Autowired
    EndpointService endpoints;
    @Autowired
    SweepService sweeps;

    @Test
    void placementsThatDoNotLoadAreInfeasibleWithOllamasMessageAndNeverMeasured() {
        try (FakeOllama fake = FakeOllama.start().placement("fake-13b:q4", 20, 7_000_000_000L).defaultGpuLayers(12)
                .maxGpuLayers(16).loadMillis(15).timeScale(0.01)) {
            endpoints.add("sixteen-layers", fake.baseUrl(), null);
            long id = tunings.create(new TuningRequest("sixteen-layers", "fake-13b:q4", "THROUGHPUT", null,
                    new TuningRequest.Budget(900, null), null));
            TuningReport done = await().atMost(Duration.ofMinutes(3)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(300)).until(() -> tunings.report(id).orElseThrow(),
                            r -> !List.of("QUEUED", "RUNNING").contains(r.status()));
            assertThat(done.status()).as(done.message()).isEqualTo("FINISHED");

            assertThat(done.infeasible()).isNotEmpty().allSatisfy(x -> {
                assertThat(x.configurations()).startsWith("num_gpu 17");
                assertThat(x.reason()).isEqualTo(FakeOllama.OUT_OF_MEMORY);
            });
            assertThat(fake.ran()).as("prompts ran").isNotEmpty().allSatisfy(ran -> assertThat(ran.gpuLayers())
                    .as("nothing beyond the GPU was measured").isLessThanOrEqualTo(16));
            assertThat(fake.refusedLoads()).as("the probes' bisection met the edge").isPositive();
            assertThat(fake.refusedPrompts()).as("no measured call was sent to a placement that does not load")
                    .isZero();
            assertThat(done.stages()).hasSizeGreaterThanOrEqualTo(3).allSatisfy(stage -> assertThat(
                    sweeps.read(stage.sweepId()).orElseThrow().getStatus().name()).isEqualTo("FINISHED"));
            // more layers on the GPU are faster on this fake: the edge of what loads is the answer
            assertThat(done.answer().options()).containsEntry("num_gpu", 16);
            assertThat(done.answer().outcome()).isEqualTo("BETTER");
        }
    }

    @Test
    void aTuningOfAModelThatLoadsNowhereFailsWithTheServersMessage() {
        try (FakeOllama fake = FakeOllama.start().placement("fake-70b:q4", 80, 40_000_000_000L).defaultGpuLayers(10)
                .maxGpuLayers(-1).loadMillis(15).timeScale(0.01)) {
            endpoints.add("no-room", fake.baseUrl(), null);
            long id = tunings.create(new TuningRequest("no-room", "fake-70b:q4", "THROUGHPUT", null,
                    new TuningRequest.Budget(300, null), null));
            TuningReport done = await().atMost(Duration.ofMinutes(1)).pollInSameThread()
                    .pollInterval(Duration.ofMillis(200)).until(() -> tunings.report(id).orElseThrow(),
                            r -> !List.of("QUEUED", "RUNNING").contains(r.status()));
            assertThat(done.status()).isEqualTo("FAILED");
            assertThat(done.message()).contains(FakeOllama.OUT_OF_MEMORY);
            assertThat(done.stages()).as("nothing was raced").isEmpty();
            assertThat(Map.of("answer", String.valueOf(done.answer()))).containsEntry("answer", "null");
        }
    }
}
