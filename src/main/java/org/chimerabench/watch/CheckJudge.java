package org.chimerabench.watch;

import org.chimerabench.stats.RatioOfMeans;

/**
 * Judges one check against the reference by the verdict rule (docs/architecture.md §6.5, §4.4), on the decode tok/s
 * of the watched options: <b>unchanged</b> when the 90 % interval of the change lies within ± the margin (two
 * one-sided tests at 5 %), else <b>regressed</b> when the whole 95 % interval lies below 0, <b>improved</b> when above,
 * else <b>inconclusive</b>. Each interval is the ratio of means' (log scale, Welch) widened by the endpoint's drift
 * between sessions as its A/A checks measured it ({@code driftLogVariance}), so a server that wanders by 1 % from day
 * to day does not read as regressed every day.
 */
final class CheckJudge {

    private CheckJudge() {
    }

    /** The judgement: the change in % with its intervals and the outcome. */
    record Judgement(CheckOutcome outcome, double deltaPct, double ci95Low, double ci95High, double ci90Low,
                     double ci90High, double logVariance) {

        double logDelta() {
            return Math.log1p(deltaPct / 100);
        }
    }

    /**
     * @param check           the check's values (higher is better), at least 2
     * @param reference       the reference values, at least 2
     * @param marginPct       the equivalence margin in %
     * @param driftLogVariance the endpoint's drift between sessions (log scale), 0 when not measured
     */
    static Judgement judge(double[] check, double[] reference, double marginPct, double driftLogVariance) {
        RatioOfMeans at95 = RatioOfMeans.of(check, reference, 0.95, driftLogVariance);
        RatioOfMeans at90 = RatioOfMeans.of(check, reference, 0.90, driftLogVariance);
        CheckOutcome outcome;
        if (at90.ciLowPct() >= -marginPct && at90.ciHighPct() <= marginPct) {
            outcome = CheckOutcome.UNCHANGED;
        } else if (at95.ciHighPct() < 0) {
            outcome = CheckOutcome.REGRESSED;
        } else if (at95.ciLowPct() > 0) {
            outcome = CheckOutcome.IMPROVED;
        } else {
            outcome = CheckOutcome.INCONCLUSIVE;
        }
        return new Judgement(outcome, at95.changePct(), at95.ciLowPct(), at95.ciHighPct(), at90.ciLowPct(),
                at90.ciHighPct(), Math.max(at95.logStandardError() * at95.logStandardError(), 1e-12));
    }
}
