package org.chimerabench.execution;

import java.util.Random;

/**
 * When the requests of a request-rate batch are sent (docs/architecture.md §4.1): a Poisson process at the rate —
 * the first at 0, then exponential gaps with mean 1/rate — drawn from a seed, so a batch arrives the same way in
 * every run of the sweep (and after a restart).
 */
public final class Arrivals {

    private Arrivals() {
    }

    /** Offsets from the batch's start, in nanoseconds, ascending; the first is 0. */
    public static long[] poisson(long seed, double ratePerSecond, int count) {
        if (!(ratePerSecond > 0)) {
            throw new IllegalArgumentException("the rate must be above 0, got " + ratePerSecond);
        }
        Random random = new Random(seed);
        long[] offsets = new long[count];
        double at = 0;
        for (int i = 1; i < count; i++) {
            at += -Math.log(1 - random.nextDouble()) / ratePerSecond; // inverse CDF of Exp(rate); 1 − u avoids log 0
            offsets[i] = Math.round(at * 1e9);
        }
        return offsets;
    }

    /** The seed of one batch: the sweep's seed with the batch's place (configuration, arm, repetition). */
    static long seed(long sweepSeed, int configurationPosition, Arm arm, int repetition, boolean warmup) {
        long h = sweepSeed * 1_000_003L + configurationPosition;
        h = h * 31 + arm.ordinal();
        h = h * 1_009 + repetition;
        return h * 2 + (warmup ? 1 : 0);
    }
}
