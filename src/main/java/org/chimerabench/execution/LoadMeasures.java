package org.chimerabench.execution;

import java.time.OffsetDateTime;
import java.util.List;
import org.chimerabench.execution.MeasuredCalls.LoadCall;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of a sweep under load for the analysis (docs/architecture.md §6.7): every OK, non-warm-up call with
 * its batch (configuration, arm, repetition), its start and end, and what it measured — one projection query.
 */
@Repository
class LoadMeasures {

    private final JdbcClient jdbc;

    LoadMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The calls of a sweep ({@code endpoint} null = every endpoint's), by configuration, arm and repetition. */
    public List<LoadCall> calls(long sweepId, String endpoint) {
        return jdbc.sql("""
                        SELECT t.configuration_id, t.arm, t.repetition, c.started_at, c.e2e_ms, c.eval_count,
                               c.ttft_ms, c.decode_tok_per_sec, c.queue_ms
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        WHERE c.sweep_id = ? AND c.status = 'OK' AND t.warmup = FALSE AND c.e2e_ms IS NOT NULL
                  AND c.reload_reason IS NULL AND c.disturbance IS NULL
                          AND c.started_at IS NOT NULL AND (CAST(? AS VARCHAR) IS NULL OR c.endpoint = ?)
                        ORDER BY t.configuration_id, t.arm, t.repetition, t.slot, c.id""")
                .param(sweepId).param(endpoint).param(endpoint)
                .query((rs, row) -> {
                    OffsetDateTime started = rs.getObject(4, OffsetDateTime.class);
                    double startedMs = started.toInstant().getEpochSecond() * 1000.0
                            + started.toInstant().getNano() / 1e6;
                    return new LoadCall(rs.getLong(1), Arm.valueOf(rs.getString(2)), rs.getInt(3), startedMs,
                            rs.getDouble(5), rs.getInt(6), rs.getObject(7, Double.class),
                            rs.getObject(8, Double.class), rs.getObject(9, Double.class));
                })
                .list();
    }
}
