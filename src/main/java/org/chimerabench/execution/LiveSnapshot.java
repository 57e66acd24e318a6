package org.chimerabench.execution;

import java.util.List;
import java.util.Map;
import org.chimerabench.sweep.SweepStatus;

/**
 * What the live monitor shows of a sweep at one moment, read from the database: status, calls stored of planned,
 * the estimated time left, the trials running now (one per endpoint of a fleet; between two trials the next one),
 * the last calls and the last failures.
 */
public record LiveSnapshot(long sweepId, SweepStatus status, String statusMessage, long done, long total,
                           Double etaSeconds, List<Current> current, List<RecentCall> recentCalls,
                           List<Failure> failures, long failedCalls) {

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

    /** One failed call, newest first. */
    public record Failure(long callId, Map<String, Object> options, Arm arm, int repetition, String endpoint,
                          String error) {
    }
}
