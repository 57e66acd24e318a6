package org.chimerabench.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The simulator's decode noise is realistic (CV 1.5 % call to call, 2 % of calls 10–25 % slower) and its
 * noise-free truth (OllamaSimulator.expectedDecodeTokPerSec) is what the noisy calls scatter around.
 */
class SimulatorNoiseTest {

    static final Map<String, Object> OPTIONS = Map.of("num_gpu", 20, "num_ctx", 4096);

    @Test
    void callsScatterAroundTheTruthWithRealisticNoiseAndOccasionalOutliers() {
        SimulatorEngine engine = new SimulatorEngine(7, 0.01);
        SimulatedModel model = SimulatedModel.find("llama3.2-sim:3b");
        double expected = engine.expectedDecodeTokPerSec(model, OPTIONS);
        int n = 4000;
        double sum = 0;
        double squares = 0;
        int slow = 0;
        for (int i = 0; i < n; i++) {
            SimulatorEngine.CallPlan plan = engine.plan(model, "Hi", OPTIONS, Duration.ofMinutes(5));
            double tokPerSec = 1e9 / plan.tokenGapNs(); // eval_count / eval_duration, as the client measures
            sum += tokPerSec;
            squares += tokPerSec * tokPerSec;
            slow += tokPerSec < 0.9 * expected ? 1 : 0;
        }
        double mean = sum / n;
        double cv = Math.sqrt(squares / n - mean * mean) / mean;
        // the mean sits below the truth by the outliers' share × their mean slowdown: 2 % × 17.5 % = 0.35 %
        assertThat(mean / expected).isCloseTo(1 - 0.0035, offset(0.002));
        assertThat(cv).as("call-to-call CV, outliers included").isBetween(0.015, 0.035);
        assertThat(slow / (double) n).as("calls 10 % or more slower").isCloseTo(0.02, offset(0.008));
    }

    @Test
    void theSameRequestDrawsTheSameNumbersWhateverRanBefore() {
        SimulatedModel model = SimulatedModel.find("llama3.2-sim:3b");
        SimulatorEngine quiet = new SimulatorEngine(7, 0.01);
        SimulatorEngine busy = new SimulatorEngine(7, 0.01);
        quiet.plan(model, "warm up", OPTIONS, Duration.ofMinutes(5)); // warm here, a cold load in busy: no matter
        for (int i = 0; i < 25; i++) { // another sweep's calls in between change nothing
            busy.plan(model, "[run " + (900 + i) + "] Hi", Map.of("num_gpu", 10), Duration.ofMinutes(5));
        }
        for (int run = 1; run <= 3; run++) {
            String prompt = "[run " + run + "] Hi";
            assertThat(busy.plan(model, prompt, OPTIONS, Duration.ofMinutes(5)).tokenGapNs())
                    .isEqualTo(quiet.plan(model, prompt, OPTIONS, Duration.ofMinutes(5)).tokenGapNs());
        }
        SimulatorEngine other = new SimulatorEngine(8, 0.01);
        assertThat(other.plan(model, "[run 1] Hi", OPTIONS, Duration.ofMinutes(5)).tokenGapNs())
                .as("another seed, other numbers")
                .isNotEqualTo(new SimulatorEngine(7, 0.01).plan(model, "[run 1] Hi", OPTIONS, Duration.ofMinutes(5))
                        .tokenGapNs());
        SimulatorEngine repeated = new SimulatorEngine(7, 0.01);
        long first = repeated.plan(model, "Hi", OPTIONS, Duration.ofMinutes(5)).tokenGapNs();
        assertThat(repeated.plan(model, "Hi", OPTIONS, Duration.ofMinutes(5)).tokenGapNs())
                .as("a repeated identical request is a new draw, not a copy").isNotEqualTo(first);
    }

    @Test
    void theTruthFollowsTheOptionsAndTheTimeScale() {
        OllamaSimulator simulator = OllamaSimulator.start(0, 42, 0.5);
        try {
            double allOnGpu = simulator.expectedDecodeTokPerSec("llama3.2-sim:3b", Map.of("num_gpu", 28,
                    "num_ctx", 2048));
            double half = simulator.expectedDecodeTokPerSec("llama3.2-sim:3b", Map.of("num_gpu", 14,
                    "num_ctx", 2048));
            assertThat(allOnGpu).as("118 tok/s on the GPU, at time scale 0.5 measured twice as fast")
                    .isCloseTo(236, offset(0.5));
            assertThat(half).isLessThan(allOnGpu * 0.5);
            assertThat(simulator.expectedDecodeTokPerSec("llama3.2-sim:3b", Map.of("num_gpu", 28, "num_ctx", 8192)))
                    .as("−1.5 % per doubling of the context above 2048").isCloseTo(236 * 0.97, offset(0.5));
        } finally {
            simulator.close();
        }
    }
}
