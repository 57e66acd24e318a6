package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A sweep whose configurations point opposite ways says its best configuration first; one where they agree does not.
 * The race over num_gpu [12, 20, 28] of issue 27: 12 and 20 layers much slower than the defaults, 28 faster.
 */
class BestFirstTest {

    static ConfigurationResult result(long id, int numGpu, double deltaPct, Double q) {
        boolean improved = deltaPct > 0;
        return new ConfigurationResult(id, Map.of("num_gpu", numGpu),
                new ConfigurationResult.Throughput(100.0, 100.0 * (1 + deltaPct / 100), deltaPct, 1.0, 1.0),
                new ConfigurationResult.Ttft(400.0, 400.0, 0.0, 1.0, 1.0), new ConfigurationResult.Trials(5, 5),
                new ConfigurationResult.Significance(q, q, improved, q == null ? null : improved && q < 0.05), null);
    }

    @Test
    void oppositeSignificantAnswersPutTheBestConfigurationFirst() {
        List<ConfigurationResult> race = List.of(result(1, 12, -71.4, 0.0001), result(2, 20, -38.2, 0.0004),
                result(3, 28, 4.63, 0.012));
        BestFirst best = BestFirst.of(race).orElseThrow();
        assertThat(best.configurationId()).isEqualTo(3);
        assertThat(best.sentence()).isEqualTo("Best configuration: num_gpu=28 — throughput +4.6 % against Ollama's"
                + " defaults (q = 0.012); the configurations differ widely, so the whole sweep's verdict below pools"
                + " opposite answers");
    }

    @Test
    void agreeingOrUnprovenConfigurationsLeaveThePooledVerdictFirst() {
        assertThat(BestFirst.of(List.of(result(1, 12, 3.1, 0.01), result(2, 20, 4.2, 0.004)))).as("all faster")
                .isEmpty();
        assertThat(BestFirst.of(List.of(result(1, 12, -30.0, 0.001), result(2, 20, 2.0, 0.30))))
                .as("the faster one is not significant").isEmpty();
        assertThat(BestFirst.of(List.of(result(1, 12, -30.0, null), result(2, 20, 9.0, 0.001))))
                .as("the slower one was not testable").isEmpty();
    }
}
