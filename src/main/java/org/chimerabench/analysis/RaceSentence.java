package org.chimerabench.analysis;

import org.apache.commons.math3.distribution.TDistribution;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.sweep.RacePlan;

/**
 * What a race decided and saved, in one sentence: "Leader num_gpu=28 at 132.4 tok/s ± 0.3 %; 9 of 12 configurations
 * eliminated by round 4; 58 % fewer calls than 10 repetitions each."
 */
final class RaceSentence {

    private RaceSentence() {
    }

    /**
     * @param leader           the best configuration not eliminated, or null before any was measured
     * @param eliminated       configurations eliminated
     * @param lastElimination  the last round in which one was eliminated (0 = none)
     */
    static String of(RacePlan plan, ConfigurationResult leader, int eliminated, int lastElimination,
                     int configurations, double savedPct) {
        if (leader == null) {
            return "The race has not measured a configuration yet.";
        }
        StringBuilder sentence = new StringBuilder("Leader ").append(OptionsJson.describeOrNone(leader.options()))
                .append(" at ").append(figure(plan, leader));
        sentence.append("; ").append(eliminated == 0 ? "no configuration eliminated"
                : eliminated + " of " + configurations + " configurations eliminated by round " + lastElimination);
        long saved = Math.round(savedPct);
        sentence.append("; ").append(saved > 0 ? saved + " % fewer calls" : "no fewer calls")
                .append(" than ").append(plan.maxRepetitions()).append(" repetitions each.");
        return sentence.toString();
    }

    /**
     * A race not (yet) over: while it runs, the leader so far and how many still race — no saving is claimed
     * before the end; after a cancel or a failure, what stood when it stopped.
     */
    static String unfinished(RacePlan plan, ConfigurationResult leader, int eliminated, int configurations,
                             int racing, boolean running) {
        if (leader == null) {
            return running ? "Race under way: no configuration measured yet." : "The race stopped before any"
                    + " configuration was measured.";
        }
        String elimination = eliminated == 0 ? "none of " + configurations + " configurations eliminated"
                : eliminated + " of " + configurations + " configurations eliminated";
        String standing = OptionsJson.describeOrNone(leader.options()) + " at " + figure(plan, leader);
        return running
                ? "Race under way: leader so far " + standing + "; " + elimination + " so far, " + racing
                        + " still racing."
                : "The race stopped before it ended: leader then " + standing + "; " + elimination + ", " + racing
                        + " undecided.";
    }

    /** The leader's objective with its CI half-width: "132.4 tok/s ± 0.3 %", "412 ms ± 1.1 %", "+1.2 % Δ". */
    private static String figure(RacePlan plan, ConfigurationResult leader) {
        int n = leader.trials().chimeraTrials();
        return switch (plan.objective()) {
            case CHIMERA_DECODE_TOK_PER_SEC -> Numbers.number(leader.throughput().chimeraTokPerSec(), 1) + " tok/s"
                    + plusMinus(leader.throughput().chimeraCvPct(), n, plan.confidence());
            case TTFT_MS -> Numbers.number(leader.ttft().chimeraTtftMs(), 0) + " ms"
                    + plusMinus(leader.ttft().chimeraTtftCvPct(), n, plan.confidence());
            case THROUGHPUT_DELTA_PCT -> Numbers.signed(leader.throughput().deltaPct(), 1) + " % throughput Δ";
        };
    }

    /** " ± 0.3 %": the CI half-width of the mean relative to it, t · CV / √n; empty with fewer than 2 trials. */
    private static String plusMinus(Double cvPct, int n, double confidence) {
        if (cvPct == null || n < 2) {
            return "";
        }
        double t = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return " ± " + Numbers.pct(t * cvPct / Math.sqrt(n), 1);
    }
}
