package org.chimerabench.tune;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A tuning as {@code GET /api/tunings/{id}} says it and the Tune view shows it: status, the stages (each a sweep to
 * open), the calls used against the budget, what the probe found and proposed, what does not load, and the answer.
 *
 * @param status     QUEUED, RUNNING, FINISHED, FAILED or CANCELLED
 * @param callsLeft  what the budget has left, in calls (for a budget in minutes, at the pace so far)
 * @param etaSeconds at most this long to go: the calls left at the pace so far (null when finished)
 */
public record TuningReport(long id, String status, String statusLabel, String endpoint, String model, String objective,
                           String objectiveLabel, TuningRequest request, List<StageLink> stages, long callsUsed,
                           Integer callsLeft, Long etaSeconds, TuningState.ProbeFacts probe, SearchSpace space,
                           List<Feasibility.Excluded> infeasible, TuningAnswer answer, String message,
                           String createdBy, OffsetDateTime createdAt) {

    /**
     * One stage: its sweep, how many configurations raced, and the one it found best (null while it runs); a goodput
     * level also its concurrency and the TTFT p95 it measured.
     */
    public record StageLink(String name, long sweepId, int configurations, Map<String, Object> leader,
                            Double leaderGainPct, boolean separated, Integer concurrency, Double ttftP95Ms) {
    }
}
