package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.RacePlan;
import org.junit.jupiter.api.Test;

/** The race's one sentence on the results page: what was decided and what it saved. */
class RaceSentenceTest {

    static ConfigurationResult leader(double chimeraTokPerSec, Double cvPct, int trials) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_gpu", 60);
        options.put("num_ctx", 1024);
        options.put("temperature", 0.8);
        return new ConfigurationResult(7, options, new ConfigurationResult.Throughput(130.0, chimeraTokPerSec, 1.85,
                0.4, cvPct), new ConfigurationResult.Ttft(410.0, 402.0, 1.95, 1.2, 1.1),
                new ConfigurationResult.Trials(trials, trials),
                new ConfigurationResult.Significance(0.01, 0.02, true, true), null);
    }

    static final RacePlan TOK = new RacePlan(RaceObjective.CHIMERA_DECODE_TOK_PER_SEC, 2, 10, 0.5, true, 0.95);

    @Test
    void saysTheLeaderWithItsIntervalWhatWasEliminatedAndWhatWasSaved() {
        // ± t(0.975, 4) · 0.5 % / √5 = 0.6207 % (SciPy: st.t.ppf(0.975, 4) * 0.5 / sqrt(5))
        assertThat(RaceSentence.of(TOK, leader(132.4, 0.5, 5), 9, 4, 12, 58.3)).isEqualTo(
                "Leader num_gpu=60 · num_ctx=1024 · temperature=0.8 at 132.4 tok/s ± 0.6 %; 9 of 12 configurations"
                        + " eliminated by round 4; 58 % fewer calls than 10 repetitions each.");
    }

    @Test
    void otherObjectivesNothingEliminatedAndNothingSaved() {
        RacePlan ttft = new RacePlan(RaceObjective.TTFT_MS, 2, 6, 1, true, 0.95);
        assertThat(RaceSentence.of(ttft, leader(132.4, 0.5, 1), 0, 0, 4, 0)).isEqualTo(
                "Leader num_gpu=60 · num_ctx=1024 · temperature=0.8 at 402 ms; no configuration eliminated;"
                        + " no fewer calls than 6 repetitions each.");
        RacePlan delta = new RacePlan(RaceObjective.THROUGHPUT_DELTA_PCT, 2, 6, 1, true, 0.95);
        assertThat(RaceSentence.of(delta, leader(132.4, 0.5, 3), 1, 2, 4, 25)).startsWith(
                "Leader num_gpu=60 · num_ctx=1024 · temperature=0.8 at +1.9 % throughput Δ; 1 of 4");
        assertThat(RaceSentence.of(TOK, null, 0, 0, 4, 0)).isEqualTo("The race has not measured a configuration yet.");
    }

    @Test
    void anUnfinishedRaceClaimsNoSaving() {
        assertThat(RaceSentence.unfinished(TOK, leader(132.4, 0.5, 5), 3, 12, 9, true)).isEqualTo(
                "Race under way: leader so far num_gpu=60 · num_ctx=1024 · temperature=0.8 at 132.4 tok/s ± 0.6 %;"
                        + " 3 of 12 configurations eliminated so far, 9 still racing.");
        assertThat(RaceSentence.unfinished(TOK, leader(132.4, 0.5, 5), 0, 12, 12, false)).isEqualTo(
                "The race stopped before it ended: leader then num_gpu=60 · num_ctx=1024 · temperature=0.8 at"
                        + " 132.4 tok/s ± 0.6 %; none of 12 configurations eliminated, 12 undecided.");
        assertThat(RaceSentence.unfinished(TOK, null, 0, 12, 12, true))
                .isEqualTo("Race under way: no configuration measured yet.");
    }

    @Test
    void aConfigurationsStopInWords() {
        assertThat(new ConfigurationResult.RaceStanding(3, org.chimerabench.stats.Race.Stop.ELIMINATED, 3).describe())
                .isEqualTo("eliminated in round 3");
        assertThat(new ConfigurationResult.RaceStanding(5, org.chimerabench.stats.Race.Stop.PRECISE, 5).describe())
                .isEqualTo("precise after 5");
        assertThat(new ConfigurationResult.RaceStanding(8, org.chimerabench.stats.Race.Stop.EXHAUSTED, 8).describe())
                .isEqualTo("at the maximum (8)");
        assertThat(new ConfigurationResult.RaceStanding(2, null, null).describe()).isEqualTo("running (2 so far)");
    }
}
