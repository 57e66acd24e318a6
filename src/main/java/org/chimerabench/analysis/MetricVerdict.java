package org.chimerabench.analysis;

import org.chimerabench.stats.OneSampleTTest;
import org.chimerabench.stats.SignTest;

/**
 * The verdict on one metric over a sweep's configurations (docs/architecture.md §6.5). Values are the
 * per-configuration effects in % (positive = chimera better); intervals are t-based around their mean.
 * Interval and p fields are null when the t-test is undefined (fewer than 2 configurations, zero variance);
 * {@code signTestP} is null without configurations.
 *
 * @param improved        configurations with an effect &gt; 0
 * @param signTestP       exact two-sided binomial test of {@code improved} of {@code configurations} against ½
 */
public record MetricVerdict(Outcome outcome, Double meanPct, Double ci95Low, Double ci95High, Double ci90Low,
                            Double ci90High, double marginPct, Double pValue, int improved, int configurations,
                            Double signTestP) {

    /** Significance level of the 95 % interval, the TOST and the sign test. */
    public static final double ALPHA = 0.05;

    /**
     * @param effects   one effect per configuration, in % (positive = chimera better)
     * @param marginPct the equivalence margin, &gt; 0
     */
    public static MetricVerdict of(double[] effects, double marginPct) {
        if (!(marginPct > 0) || Double.isInfinite(marginPct)) {
            throw new IllegalArgumentException("equivalence margin must be a positive number of %, got " + marginPct);
        }
        int improved = 0;
        double sum = 0;
        for (double effect : effects) {
            improved += effect > 0 ? 1 : 0;
            sum += effect;
        }
        Double mean = effects.length == 0 ? null : sum / effects.length;
        Double signTestP = effects.length == 0 ? null : SignTest.pValueTwoSided(improved, effects.length);
        OneSampleTTest ci95;
        OneSampleTTest ci90;
        try {
            ci95 = OneSampleTTest.of(effects, 0.0, 0.95);
            ci90 = OneSampleTTest.of(effects, 0.0, 0.90);
        } catch (IllegalArgumentException undefined) {
            return new MetricVerdict(Outcome.INCONCLUSIVE, mean, null, null, null, null, marginPct, null, improved,
                    effects.length, signTestP);
        }
        return new MetricVerdict(outcome(ci95, ci90, marginPct), ci95.mean(), ci95.ciLow(), ci95.ciHigh(),
                ci90.ciLow(), ci90.ciHigh(), marginPct, ci95.pValueTwoSided(), improved, effects.length, signTestP);
    }

    private static Outcome outcome(OneSampleTTest ci95, OneSampleTTest ci90, double margin) {
        if (ci95.ciLow() > 0) {
            return Outcome.BETTER;
        }
        if (ci95.ciHigh() < 0) {
            return Outcome.WORSE;
        }
        return ci90.ciLow() > -margin && ci90.ciHigh() < margin ? Outcome.EQUIVALENT : Outcome.INCONCLUSIVE;
    }

    /** True when the sign test rejects "as many improved as not" at {@link #ALPHA}. */
    public boolean signTestSignificant() {
        return signTestP != null && signTestP < ALPHA;
    }

    /** Half the width of the 95 % interval, or null without one: the uncertainty that sets the digits shown. */
    public Double halfWidth() {
        return ci95Low == null ? null : (ci95High - ci95Low) / 2;
    }
}
