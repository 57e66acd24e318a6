package org.chimerabench.execution;

import java.util.List;
import org.chimerabench.execution.MeasuredCalls.PlacedCall;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model of where a sweep's calls ran (docs/architecture.md §4.2): per OK call, its configuration, arm and
 * warm-up flag, what {@code /api/ps} reported after it, whether it paid a load and why, and whether it was disturbed.
 */
@Repository
class PlacementMeasures {

    private final JdbcClient jdbc;

    PlacementMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The OK calls of a sweep ({@code endpoint} null = every endpoint's), in the order they were stored. */
    public List<PlacedCall> calls(long sweepId, String endpoint) {
        return jdbc.sql("""
                        SELECT c.id, t.configuration_id, t.arm, t.warmup, t.repetition, c.size_bytes, c.size_vram_bytes,
                               c.reload_reason, c.load_ms, c.disturbance
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        WHERE c.sweep_id = ? AND c.status = 'OK' AND (CAST(? AS VARCHAR) IS NULL OR c.endpoint = ?)
                        ORDER BY c.id""")
                .param(sweepId).param(endpoint).param(endpoint)
                .query((rs, row) -> new PlacedCall(rs.getLong(1), rs.getLong(2), Arm.valueOf(rs.getString(3)),
                        rs.getBoolean(4), rs.getInt(5), rs.getObject(6, Long.class), rs.getObject(7, Long.class),
                        rs.getString(8) == null ? null : ReloadReason.valueOf(rs.getString(8)),
                        rs.getObject(9, Double.class), rs.getString(10)))
                .list();
    }
}
