package org.chimerabench.execution;

import java.util.List;
import java.util.Map;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.SweepStatus;

/**
 * What the live monitor shows of a sweep at one moment, read from the database: status, calls stored of planned,
 * the estimated time left, the trials running now (one per endpoint of a fleet; between two trials the next one),
 * the last calls and the last failures; for a race, its rounds (then {@code total} is the most calls still possible);
 * the last calls another client disturbed ({@code disturbed}, their reason as the error: §4.2).
 */
public record LiveSnapshot(long sweepId, SweepStatus status, String statusMessage, long done, long total,
                           Double etaSeconds, List<Current> current, List<RecentCall> recentCalls,
                           List<Failure> failures, long failedCalls, RaceProgress race, List<Failure> disturbed) {

    /** True while the sweep can still change. */
    public boolean active() {
        return status == SweepStatus.QUEUED || status == SweepStatus.RUNNING;
    }

    /** The trial being run now. */
    public record Current(Map<String, Object> options, Arm arm, int repetition, boolean warmup, String endpoint) {
    }

    /** One stored call, oldest first. */
    public record RecentCall(long id, Arm arm, boolean warmup, CallStatus status, Double ttftMs,
                             Double decodeTokPerSec) {
    }

    /**
     * Where a race stands: the round being run (of at most {@code maxRounds}), how many configurations raced in each
     * complete round and race now, the leader after the last complete round with its mean, and the leader's
     * confidence interval half-width after each complete round (% of the mean, or points of Δ % when the
     * objective's target is not relative).
     */
    public record RaceProgress(Integer roundInProgress, int maxRounds, int configurations, int racing,
                               List<Integer> racedPerRound, Map<String, Object> leaderOptions, Double leaderMean,
                               RaceObjective objective, List<Double> leaderHalfWidthPerRound) {
    }

    /** One failed call, newest first. */
    public record Failure(long callId, Map<String, Object> options, Arm arm, int repetition, String endpoint,
                          String error) {
    }
}
