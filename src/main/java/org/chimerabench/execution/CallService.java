package org.chimerabench.execution;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.chimerabench.sweep.StoredCalls;
import org.chimerabench.sweep.SweepService;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored calls for display (the raw calls behind every figure), and counts them for the sweep feature. */
@Service
public class CallService implements StoredCalls {

    private final JdbcClient jdbc;
    /** The sweep feature's reads; looked up when used (the sweep service counts calls through this one). */
    private final ObjectProvider<SweepService> sweeps;

    CallService(JdbcClient jdbc, ObjectProvider<SweepService> sweeps) {
        this.jdbc = jdbc;
        this.sweeps = sweeps;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> countsBySweep() {
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("SELECT sweep_id, COUNT(*) FROM call_record GROUP BY sweep_id")
                .query(rs -> {
                    counts.put(rs.getLong(1), rs.getLong(2));
                });
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Long> countsBySweep(Collection<Long> sweepIds) {
        Map<Long, Long> counts = new HashMap<>();
        if (!sweepIds.isEmpty()) {
            jdbc.sql("SELECT sweep_id, COUNT(*) FROM call_record WHERE sweep_id IN (:ids) GROUP BY sweep_id")
                    .param("ids", sweepIds).query(rs -> {
                        counts.put(rs.getLong(1), rs.getLong(2));
                    });
        }
        return counts;
    }

    @Override
    @Transactional(readOnly = true)
    public long count(long sweepId) {
        return jdbc.sql("SELECT COUNT(*) FROM call_record WHERE sweep_id = ?").param(sweepId).query(Long.class)
                .single();
    }

    /** Calls of a sweep that ended in the given status. */
    @Transactional(readOnly = true)
    public long count(long sweepId, CallStatus status) {
        return jdbc.sql("SELECT COUNT(*) FROM call_record WHERE sweep_id = ? AND status = ?").param(sweepId)
                .param(status.name()).query(Long.class).single();
    }

    /** Every call of a sweep, in the order they were stored, for export. */
    @Transactional(readOnly = true)
    public List<CallExport> export(long sweepId) {
        Map<Long, Map<String, Object>> options = sweeps.getObject().configurationOptions(sweepId);
        return jdbc.sql("""
                        SELECT c.id, t.configuration_id, t.configuration_id, t.arm, t.repetition, c.stage, t.warmup, c.status,
                               c.error, c.endpoint, c.model, c.ttft_ms, c.time_to_headers_ms, c.e2e_ms, c.itl_mean_ms,
                               c.itl_p50_ms, c.itl_p90_ms, c.itl_p99_ms, c.tpot_ms, c.decode_tok_per_sec,
                               c.prefill_tok_per_sec, c.e2e_tok_per_sec, c.load_ms, c.prompt_eval_ms, c.eval_ms,
                               c.total_ms, c.cold, c.gpu_offload_pct, c.size_vram_bytes, c.done_reason, c.eval_count,
                               c.prompt_eval_count, c.response_chars, t.slot, c.concurrency, c.request_rate, c.queue_ms,
                               c.reload_reason, c.disturbance, c.context_length
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        WHERE c.sweep_id = ? ORDER BY c.id
                        """)
                .param(sweepId)
                .query((rs, row) -> new CallExport(rs.getLong(1), rs.getLong(2),
                        options.get(rs.getLong(3)), Arm.valueOf(rs.getString(4)),
                        rs.getInt(5), Stage.ofStored(rs.getString(6)), rs.getBoolean(7), CallStatus.valueOf(rs.getString(8)),
                        rs.getString(9), rs.getString(10), rs.getString(11), d(rs, 12), d(rs, 13), d(rs, 14),
                        d(rs, 15), d(rs, 16), d(rs, 17), d(rs, 18), d(rs, 19), d(rs, 20), d(rs, 21), d(rs, 22),
                        d(rs, 23), d(rs, 24), d(rs, 25), d(rs, 26), rs.getObject(27, Boolean.class), d(rs, 28),
                        rs.getObject(29, Long.class), rs.getString(30), rs.getObject(31, Integer.class),
                        rs.getObject(32, Integer.class), rs.getObject(33, Integer.class), rs.getInt(34),
                        rs.getObject(35, Integer.class), d(rs, 36), d(rs, 37),
                        rs.getString(38) == null ? null : ReloadReason.valueOf(rs.getString(38)), rs.getString(39),
                        rs.getObject(40, Integer.class)))
                .list();
    }

    private static Double d(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, Double.class);
    }

    /**
     * The endpoint's recent speed: mean seconds per call over its last {@value #RECENT_SPEED_CALLS} successful
     * calls in any sweep (end to end); empty when it has none.
     */
    @Override
    @Transactional(readOnly = true)
    public OptionalDouble recentSecondsPerCall(String endpointName) {
        Double meanMs = jdbc.sql("""
                        SELECT AVG(e2e_ms) FROM (SELECT e2e_ms FROM call_record
                        WHERE endpoint = ? AND status = 'OK' AND e2e_ms IS NOT NULL ORDER BY id DESC LIMIT ?) recent""")
                .param(endpointName).param(RECENT_SPEED_CALLS).query(Double.class).optional().orElse(null);
        return meanMs == null ? OptionalDouble.empty() : OptionalDouble.of(meanMs / 1000.0);
    }

    static final int RECENT_SPEED_CALLS = 50;

    /** The endpoint's recent model loads: mean load_duration of its last calls that paid one; empty when none did. */
    @Override
    @Transactional(readOnly = true)
    public OptionalDouble recentLoadSeconds(String endpointName) {
        Double meanMs = jdbc.sql("""
                        SELECT AVG(load_ms) FROM (SELECT load_ms FROM call_record
                        WHERE endpoint = ? AND status = 'OK' AND reload_reason IS NOT NULL AND load_ms IS NOT NULL
                        ORDER BY id DESC LIMIT ?) recent""")
                .param(endpointName).param(RECENT_SPEED_CALLS).query(Double.class).optional().orElse(null);
        return meanMs == null ? OptionalDouble.empty() : OptionalDouble.of(meanMs / 1000.0);
    }

    /** All calls of one configuration, by arm, repetition and stage. */
    @Transactional(readOnly = true)
    public List<CallRow> callsOfConfiguration(long configurationId) {
        return jdbc.sql("""
                        SELECT c.id, t.id, t.arm, t.repetition, t.warmup, c.stage, c.status, c.error, c.started_at,
                               c.ttft_ms, c.e2e_ms, c.decode_tok_per_sec, c.eval_count, c.prompt_eval_count,
                               c.load_ms, c.prompt_eval_ms, c.eval_ms, c.total_ms, c.cold, c.gpu_offload_pct
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        WHERE t.configuration_id = ?
                        ORDER BY t.warmup DESC, t.repetition, t.arm, c.id
                        """)
                .param(configurationId)
                .query((rs, row) -> new CallRow(rs.getLong(1), rs.getLong(2), Arm.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getBoolean(5), Stage.ofStored(rs.getString(6)), CallStatus.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getObject(9, OffsetDateTime.class),
                        rs.getObject(10, Double.class), rs.getObject(11, Double.class), rs.getObject(12, Double.class),
                        rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getObject(15, Double.class),
                        rs.getObject(16, Double.class), rs.getObject(17, Double.class), rs.getObject(18, Double.class),
                        rs.getObject(19, Boolean.class), rs.getObject(20, Double.class)))
                .list();
    }
}
