package org.chimerabench.execution;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads stored calls for display (the raw calls behind every figure). */
@Service
public class CallService {

    private final JdbcClient jdbc;

    CallService(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
                        rs.getInt(4), rs.getBoolean(5), rs.getString(6), CallStatus.valueOf(rs.getString(7)),
                        rs.getString(8), rs.getObject(9, java.time.OffsetDateTime.class),
                        rs.getObject(10, Double.class), rs.getObject(11, Double.class), rs.getObject(12, Double.class),
                        rs.getObject(13, Integer.class), rs.getObject(14, Integer.class), rs.getObject(15, Double.class),
                        rs.getObject(16, Double.class), rs.getObject(17, Double.class), rs.getObject(18, Double.class),
                        rs.getObject(19, Boolean.class), rs.getObject(20, Double.class)))
                .list();
    }
}
