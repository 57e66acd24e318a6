package org.chimerabench.watch;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * {@code POST /api/watches}: a finished sweep's configuration ({@code sweepId}, {@code configurationId}) or a tuning's
 * answer ({@code tuningId}), the schedule, and optionally the repetitions per check and the equivalence margin.
 */
@Schema(description = "What to watch and when to re-check it. Unknown fields are rejected.")
public record WatchRequest(
        @Schema(description = "A finished sweep", example = "12") Long sweepId,
        @Schema(description = "One of its configurations", example = "341") Long configurationId,
        @Schema(description = "Instead of a sweep: a finished tuning, whose answer is watched") Long tuningId,
        @Schema(description = "Cron schedule, minute hour day month weekday; default \"0 3 * * *\" (03:00 daily)",
                example = "0 3 * * *") String cron,
        @Schema(description = "Repetitions per arm in each check, 3–50; default 10") Integer repetitions,
        @Schema(description = "Equivalence margin in %, 0.5–50; default 3") Double marginPct) {
}
