package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.assertClose;

import java.util.List;
import org.chimerabench.stats.Race.Entrant;
import org.chimerabench.stats.Race.Judgement;
import org.chimerabench.stats.Race.Rules;
import org.chimerabench.stats.Race.Stop;
import org.junit.jupiter.api.Test;

/**
 * The race's stopping rules on hand-made data. Reference values: src/test/reference/race_reference.py (SciPy 1.17.1
 * one-sided Welch tests, t half-widths; Holm by R's p.adjust definition), relative tolerance 1e-9.
 */
class RaceTest {

    // decode tok/s of five configurations after three rounds (higher is better)
    static final List<Entrant> ROUND_3 = List.of(
            new Entrant(1, new double[] {132.1, 131.6, 132.4}, null),
            new Entrant(2, new double[] {131.9, 132.3, 131.2}, null),
            new Entrant(3, new double[] {128.0, 128.9, 127.5}, null),
            new Entrant(4, new double[] {131.0, 131.2, 131.5}, null),
            new Entrant(5, new double[] {125.2, 126.0, 125.1}, null));

    static Rules rules(int min, int max, double target, boolean eliminate) {
        return new Rules(min, max, target, true, eliminate, 0.95, true);
    }

    @Test
    void eliminatesExactlyThoseWorseThanTheLeaderAfterHolm() {
        Judgement judgement = Race.judge(rules(2, 5, 0.8, true), ROUND_3);
        assertThat(judgement.leaderId()).isEqualTo(1);
        assertThat(judgement.standings()).extracting(Race.Standing::stop)
                .containsExactly(Stop.PRECISE, null, Stop.ELIMINATED, Stop.PRECISE, Stop.ELIMINATED);
        // Holm-adjusted one-sided p-values of "worse than configuration 1"
        assertClose(judgement.of(2).orElseThrow().pWorseAdjusted(), 0.29566019693151924);
        assertClose(judgement.of(3).orElseThrow().pWorseAdjusted(), 0.00448204874989069);
        assertClose(judgement.of(4).orElseThrow().pWorseAdjusted(), 0.05421535528613863);
        assertClose(judgement.of(5).orElseThrow().pWorseAdjusted(), 0.00014941601172302084);
        assertThat(judgement.of(1).orElseThrow().pWorseAdjusted()).as("the leader is not compared").isNull();
        // configuration 4 alone would be "worse" (p = 0.0271 < 0.05); corrected for four comparisons it is not
        assertClose(Race.pWorse(ROUND_3.get(3).values(), ROUND_3.get(0).values(), true), 0.027107677643069317);
        // precise: 95 % half-width relative to the mean
        assertClose(judgement.of(1).orElseThrow().halfWidthAsJudged(), 0.7603779123515935);
        assertClose(judgement.of(4).orElseThrow().halfWidthAsJudged(), 0.47637359507562577);
        assertClose(judgement.of(2).orElseThrow().halfWidth(), 1.3831093423845895);
        assertClose(judgement.of(2).orElseThrow().halfWidthAsJudged(), 1.0494001080307962);
        assertThat(judgement.over()).as("configuration 2 runs on").isFalse();
        assertThat(judgement.of(3).orElseThrow().stoppedNow()).isTrue();
    }

    @Test
    void withoutEliminationOnlyPrecisionAndTheMaximumStopAConfiguration() {
        Judgement judgement = Race.judge(rules(2, 5, 0.8, false), ROUND_3);
        assertThat(judgement.standings()).extracting(Race.Standing::stop)
                .containsExactly(Stop.PRECISE, null, null, Stop.PRECISE, null);
        Judgement atMax = Race.judge(rules(2, 3, 0.8, false), ROUND_3);
        assertThat(atMax.standings()).extracting(Race.Standing::stop)
                .containsExactly(Stop.PRECISE, Stop.EXHAUSTED, Stop.EXHAUSTED, Stop.PRECISE, Stop.EXHAUSTED);
        assertThat(atMax.over()).isTrue();
    }

    @Test
    void nothingStopsBeforeTheMinimumRepetitions() {
        Judgement judgement = Race.judge(rules(4, 10, 0.8, true), ROUND_3);
        assertThat(judgement.standings()).allSatisfy(s -> assertThat(s.stop()).isNull());
        assertThat(judgement.leaderId()).as("the leader is still named").isEqualTo(1);
    }

    @Test
    void lowerIsBetterMirrorsTheDecisions() {
        // TTFT in ms: the same spreads around 1,000 ms, mirrored so that the fastest is configuration 1
        List<Entrant> ttft = ROUND_3.stream().map(e -> new Entrant(e.id(),
                java.util.Arrays.stream(e.values()).map(v -> 1000 - (v - 132)).toArray(), null)).toList();
        Judgement judgement = Race.judge(new Rules(2, 5, 100, true, true, 0.95, false), ttft);
        assertThat(judgement.leaderId()).isEqualTo(1);
        assertThat(judgement.standings()).extracting(Race.Standing::stop)
                .containsExactly(Stop.PRECISE, Stop.PRECISE, Stop.ELIMINATED, Stop.PRECISE, Stop.ELIMINATED);
        assertClose(judgement.of(3).orElseThrow().pWorseAdjusted(), 0.00448204874989069);
    }

    @Test
    void aStoppedConfigurationMayLeadButAnEliminatedOneMayNot() {
        List<Entrant> entrants = List.of(
                new Entrant(1, new double[] {140, 140.2, 139.9}, Stop.ELIMINATED), // (eliminated in a noisy round)
                new Entrant(2, new double[] {132.1, 131.6, 132.4}, Stop.PRECISE),
                new Entrant(3, new double[] {125.2, 126.0, 125.1}, null));
        Judgement judgement = Race.judge(rules(2, 5, 0.5, true), entrants);
        assertThat(judgement.leaderId()).isEqualTo(2);
        assertThat(judgement.of(3).orElseThrow().stop()).isEqualTo(Stop.ELIMINATED);
        assertThat(judgement.of(1).orElseThrow().stoppedNow()).as("an earlier stop stays").isFalse();
    }

    @Test
    void refusesRulesThatCannotWork() {
        assertThatThrownBy(() -> rules(1, 5, 0.5, true)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> rules(6, 5, 0.5, true)).hasMessageContaining("below minRepetitions");
        assertThatThrownBy(() -> rules(2, 5, 0, true)).hasMessageContaining("above 0");
        assertThatThrownBy(() -> new Rules(2, 5, 0.5, true, true, 0.5, true)).hasMessageContaining("(0.5, 0.999)");
        assertThatThrownBy(() -> Race.judge(rules(2, 5, 0.5, true), List.of(new Entrant(1,
                new double[] {1, Double.NaN}, null)))).hasMessageContaining("finite");
    }
}
