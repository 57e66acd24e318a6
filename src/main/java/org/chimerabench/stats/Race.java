package org.chimerabench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * The stopping rules of a race (racing as in F-Race / irace, with Welch tests and Holm's correction): after each
 * round, from {@code minRepetitions} on, every configuration still running is judged on its values so far (one per
 * repetition):
 * <ol>
 *   <li><b>eliminated</b> (when eliminating) if it is worse than the leader — the best mean among those not
 *   eliminated — by a one-sided Welch t-test whose p-value, Holm-adjusted over all configurations compared with the
 *   leader in this round, is below 1 − confidence;</li>
 *   <li>else <b>precise</b> if the half-width of its mean's confidence interval (t-based, at the confidence level;
 *   relative to the mean in %, or in the objective's own unit when that is already a %) is ≤ the target;</li>
 *   <li>else <b>exhausted</b> once it has {@code maxRepetitions} values.</li>
 * </ol>
 * A stopped configuration keeps its values and may still be the leader (only an eliminated one may not). The
 * guarantee is per round: in one round, the chance of eliminating any configuration that is in truth as good as the
 * leader is at most 1 − confidence; over many rounds it can add up (as in every racing procedure).
 */
public final class Race {

    private Race() {
    }

    /** Why a configuration gets no more repetitions. */
    public enum Stop { PRECISE, ELIMINATED, EXHAUSTED }

    /**
     * @param relativeHalfWidth the target is a % of the mean (tok/s, ms); false when the objective is a % already
     * @param higherIsBetter    true for throughput, false for a time such as TTFT
     */
    public record Rules(int minRepetitions, int maxRepetitions, double targetCiHalfWidth, boolean relativeHalfWidth,
                        boolean eliminate, double confidence, boolean higherIsBetter) {

        public Rules {
            if (minRepetitions < 2) {
                throw new IllegalArgumentException("a race needs at least 2 repetitions before judging, got "
                        + minRepetitions);
            }
            if (maxRepetitions < minRepetitions) {
                throw new IllegalArgumentException("maxRepetitions " + maxRepetitions + " is below minRepetitions "
                        + minRepetitions);
            }
            if (!(targetCiHalfWidth > 0) || !Double.isFinite(targetCiHalfWidth)) {
                throw new IllegalArgumentException("the target half-width must be above 0, got " + targetCiHalfWidth);
            }
            if (!(confidence > 0.5 && confidence < 0.999)) {
                throw new IllegalArgumentException("confidence must be within (0.5, 0.999), got " + confidence);
            }
        }
    }

    /** A configuration in the race: its values so far, one per repetition, and its stop (null while it runs). */
    public record Entrant(long id, double[] values, Stop stop) {

        public boolean active() {
            return stop == null;
        }
    }

    /**
     * One configuration after a round: its stop (null = runs on), whether it stopped in this round, its mean, the
     * confidence interval's half-width (in the objective's unit and as the rules measure it), and the
     * Holm-adjusted p-value of "worse than the leader" when it was compared.
     */
    public record Standing(long id, Stop stop, boolean stoppedNow, int repetitions, double mean, Double halfWidth,
                           Double halfWidthAsJudged, Double pWorseAdjusted) {
    }

    /** The leader (null before any value) and every configuration's standing, in the input order. */
    public record Judgement(Long leaderId, List<Standing> standings) {

        public Optional<Standing> of(long id) {
            return standings.stream().filter(s -> s.id() == id).findFirst();
        }

        public boolean over() {
            return standings.stream().allMatch(s -> s.stop() != null);
        }
    }

    /** Judges the entrants after a round in which every active one got one more value. */
    public static Judgement judge(Rules rules, List<Entrant> entrants) {
        for (Entrant entrant : entrants) {
            if (entrant.values().length > 0) {
                Samples.requireFinite(entrant.values(), "race, configuration " + entrant.id(), 1);
            }
        }
        Comparator<Entrant> better = Comparator.comparingDouble((Entrant e) -> Samples.mean(e.values()));
        if (rules.higherIsBetter()) {
            better = better.reversed();
        }
        Entrant leader = entrants.stream().filter(e -> e.stop() != Stop.ELIMINATED && e.values().length > 0)
                .sorted(better.thenComparingLong(Entrant::id)).findFirst().orElse(null);

        List<Entrant> compared = new ArrayList<>();
        List<Double> pValues = new ArrayList<>();
        if (leader != null && leader.values().length >= 2) {
            for (Entrant entrant : entrants) {
                if (entrant.active() && entrant != leader && entrant.values().length >= rules.minRepetitions()) {
                    compared.add(entrant);
                    pValues.add(pWorse(entrant.values(), leader.values(), rules.higherIsBetter()));
                }
            }
        }
        double[] adjusted = pValues.isEmpty() ? new double[0]
                : MultipleTesting.holm(pValues.stream().mapToDouble(Double::doubleValue).toArray());

        List<Standing> standings = new ArrayList<>();
        for (Entrant entrant : entrants) {
            int n = entrant.values().length;
            double mean = n == 0 ? Double.NaN : Samples.mean(entrant.values());
            Double halfWidth = n >= 2 ? halfWidth(entrant.values(), rules.confidence()) : null;
            Double judged = halfWidth == null ? null
                    : rules.relativeHalfWidth() ? (mean == 0 ? Double.POSITIVE_INFINITY : 100 * halfWidth / Math.abs(mean))
                    : halfWidth;
            int index = compared.indexOf(entrant);
            Double p = index < 0 ? null : adjusted[index];
            Stop stop = entrant.stop();
            if (stop == null && n >= rules.minRepetitions()) {
                if (rules.eliminate() && p != null && p < 1 - rules.confidence()) {
                    stop = Stop.ELIMINATED;
                } else if (judged != null && judged <= rules.targetCiHalfWidth()) {
                    stop = Stop.PRECISE;
                } else if (n >= rules.maxRepetitions()) {
                    stop = Stop.EXHAUSTED;
                }
            }
            standings.add(new Standing(entrant.id(), stop, stop != entrant.stop(), n, mean, halfWidth, judged, p));
        }
        return new Judgement(leader == null ? null : leader.id(), List.copyOf(standings));
    }

    /** One-sided Welch p-value of "the entrant is worse than the leader". */
    static double pWorse(double[] entrant, double[] leader, boolean higherIsBetter) {
        double[] lower = higherIsBetter ? entrant : leader;
        double[] higher = higherIsBetter ? leader : entrant;
        if (Samples.variance(entrant, Samples.mean(entrant)) == 0 && Samples.variance(leader, Samples.mean(leader)) == 0) {
            return Samples.mean(lower) < Samples.mean(higher) ? 0.0 : 1.0; // no noise at all: the means decide
        }
        return WelchTest.of(lower, higher).pValueLess();
    }

    /** Half-width of the t-based confidence interval of the mean: t(1 − (1 − c)/2, n − 1) · SD / √n. */
    static double halfWidth(double[] values, double confidence) {
        int n = values.length;
        double sd = Math.sqrt(Samples.variance(values, Samples.mean(values)));
        double critical = new TDistribution(null, n - 1, 1e-15)
                .inverseCumulativeProbability(1 - (1 - confidence) / 2);
        return critical * sd / Math.sqrt(n);
    }
}
