package org.chimerabench.tune;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Where a tuning stands against its budget, read once: the calls it made, the pace (seconds per call), and the calls
 * the budget has left — calls given, or minutes at that pace.
 *
 * @param used           the probe's loads and every call the stages stored
 * @param secondsPerCall this tuning's own pace once it has made 20 calls, before that the endpoint's recent one
 * @param left           the calls the budget has left
 */
record TuningBudget(long used, double secondsPerCall, int left) {

    static TuningBudget of(Tuning tuning, TuningRequest request, long used, Double endpointSecondsPerCall) {
        double elapsed = Duration.between(tuning.getCreatedAt(), OffsetDateTime.now()).toMillis() / 1000.0;
        double pace = Math.max(1e-3, used > 20 ? elapsed / used
                : endpointSecondsPerCall != null ? endpointSecondsPerCall : 2.0);
        long left = request.budget().calls() != null ? request.budget().calls() - used
                : (long) ((request.budget().minutes() * 60.0 - elapsed) / pace);
        return new TuningBudget(used, pace, (int) Math.max(0, Math.min(Integer.MAX_VALUE, left)));
    }

    /** At most this long to go: the calls left at the pace so far. */
    long etaSeconds() {
        return Math.round(left * secondsPerCall);
    }
}
