package org.chimerabench.execution.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.LiveSnapshot;
import org.chimerabench.sweep.RaceObjective;
import org.junit.jupiter.api.Test;

/** What the live monitor says of a race: the round, the racing set shrinking, the leader's interval narrowing. */
class RaceProgressTextTest {

    static LiveSnapshot.RaceProgress progress(Integer round, List<Integer> raced, List<Double> widths,
                                              RaceObjective objective, Double mean) {
        return new LiveSnapshot.RaceProgress(round, 10, 12, raced.isEmpty() ? 12 : raced.get(raced.size() - 1),
                raced, mean == null ? null : Map.of("num_gpu", 60), mean, objective, widths);
    }

    @Test
    void theRoundTheShrinkingSetAndTheNarrowingLeader() {
        var race = progress(5, List.of(12, 12, 9, 5), Arrays.asList(null, 3.14, 1.92, 0.81),
                RaceObjective.CHIMERA_DECODE_TOK_PER_SEC, 132.44);
        assertThat(RaceProgressText.rounds(race))
                .isEqualTo("Round 5 of at most 10 · 5 of 12 configurations still racing (12 → 12 → 9 → 5 by round)");
        assertThat(RaceProgressText.leader(race)).isEqualTo("Leader num_gpu=60: 132.4 tok/s, CI ± 0.8 %"
                + " (± 3.1 % → ± 1.9 % → ± 0.8 %)");
    }

    @Test
    void beforeTheFirstRoundNoLeaderAndNoTrail() {
        var race = progress(1, List.of(), List.of(), RaceObjective.CHIMERA_DECODE_TOK_PER_SEC, null);
        assertThat(RaceProgressText.rounds(race)).isEqualTo("Round 1 of at most 10 · 12 of 12 configurations still"
                + " racing");
        assertThat(RaceProgressText.leader(race)).isNull();
    }

    @Test
    void aGainIsInPointsATimeInMilliseconds() {
        var gain = progress(null, List.of(12, 3), List.of(0.42, 0.05), RaceObjective.THROUGHPUT_DELTA_PCT, -0.14);
        assertThat(RaceProgressText.rounds(gain)).startsWith("Last round done · 3 of 12");
        assertThat(RaceProgressText.leader(gain)).isEqualTo("Leader num_gpu=60: throughput Δ −0.14 %,"
                + " CI ± 0.05 points (± 0.4 points → ± 0.05 points)");
        var ttft = progress(3, List.of(12, 12), List.of(4.0, 2.5), RaceObjective.TTFT_MS, 181.6);
        assertThat(RaceProgressText.leader(ttft)).contains(": 182 ms, CI ± 2.5 %");
    }
}
