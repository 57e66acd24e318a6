package org.chimerabench.execution;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.sweep.SweepStatus;
import org.chimerabench.sweep.WorkloadType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the live state of a sweep for the monitor, with a few small queries (cheap enough for 4 reads a second). */
@Service
public class LiveMonitorService {

    /** How many of the last calls the monitor charts. */
    public static final int RECENT_CALLS = 40;
    static final int FAILURES = 10;

    private final JdbcClient jdbc;

    LiveMonitorService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public Optional<LiveSnapshot> snapshot(long sweepId) {
        Optional<Object[]> sweep = jdbc.sql("""
                        SELECT s.status, s.status_message, s.repetitions, s.warmup_trials, s.workload_type,
                               (SELECT COUNT(*) FROM configuration c WHERE c.sweep_id = s.id),
                               (SELECT COUNT(*) FROM call_record r WHERE r.sweep_id = s.id),
                               (SELECT COUNT(*) FROM call_record r WHERE r.sweep_id = s.id AND r.status = 'FAILED')
                        FROM sweep s WHERE s.id = ?""")
                .param(sweepId)
                .query((rs, row) -> new Object[] {rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        rs.getString(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)})
                .optional();
        return sweep.map(row -> {
            long planned = WorkloadType.valueOf((String) row[4]).plannedCalls((long) row[5], (int) row[2],
                    (int) row[3]);
            long done = (long) row[6];
            long total = Math.max(planned, done);
            List<Timed> recent = recent(sweepId);
            return new LiveSnapshot(sweepId, SweepStatus.valueOf((String) row[0]), (String) row[1], done, total,
                    eta(recent, total - done), current(sweepId),
                    recent.stream().map(Timed::call).toList(), failures(sweepId), (long) row[7]);
        });
    }

    record Timed(LiveSnapshot.RecentCall call, OffsetDateTime storedAt) {
    }

    private List<Timed> recent(long sweepId) {
        List<Timed> newestFirst = jdbc.sql("""
                        SELECT c.id, t.arm, t.warmup, c.status, c.ttft_ms, c.decode_tok_per_sec, c.started_at
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        WHERE c.sweep_id = ? ORDER BY c.id DESC LIMIT ?""")
                .param(sweepId).param(RECENT_CALLS)
                .query((rs, row) -> new Timed(new LiveSnapshot.RecentCall(rs.getLong(1),
                        Arm.valueOf(rs.getString(2)), rs.getBoolean(3), CallStatus.valueOf(rs.getString(4)),
                        rs.getObject(5, Double.class), rs.getObject(6, Double.class)),
                        rs.getObject(7, OffsetDateTime.class)))
                .list();
        List<Timed> oldestFirst = new java.util.ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /**
     * Time left = calls left × the recent pace (time between the first and last of the recent calls over the
     * calls in between); unknown until two calls are stored.
     */
    static Double eta(List<Timed> recent, long callsLeft) {
        List<Timed> timed = recent.stream().filter(t -> t.storedAt() != null).toList();
        if (timed.size() < 2 || callsLeft <= 0) {
            return callsLeft <= 0 ? 0.0 : null;
        }
        Duration span = Duration.between(timed.get(0).storedAt(), timed.get(timed.size() - 1).storedAt());
        double secondsPerCall = span.toNanos() / 1e9 / (timed.size() - 1);
        return secondsPerCall * callsLeft;
    }

    /** The trials running now (one per endpoint) or, between two trials, the next one. */
    private List<LiveSnapshot.Current> current(long sweepId) {
        List<LiveSnapshot.Current> running = currentTrials(sweepId, "RUNNING", 100);
        return running.isEmpty() ? currentTrials(sweepId, "PENDING", 1) : running;
    }

    private List<LiveSnapshot.Current> currentTrials(long sweepId, String status, int limit) {
        return jdbc.sql("""
                        SELECT cf.options, t.arm, t.repetition, t.warmup, e.name
                        FROM trial t JOIN configuration cf ON cf.id = t.configuration_id
                        LEFT JOIN endpoint e ON e.id = t.endpoint_id
                        WHERE cf.sweep_id = ? AND t.status = ?
                        ORDER BY t.plan_position LIMIT ?""")
                .param(sweepId).param(status).param(limit)
                .query((rs, row) -> new LiveSnapshot.Current(OptionsJson.read(rs.getString(1)),
                        Arm.valueOf(rs.getString(2)), rs.getInt(3), rs.getBoolean(4), rs.getString(5)))
                .list();
    }

    private List<LiveSnapshot.Failure> failures(long sweepId) {
        return jdbc.sql("""
                        SELECT c.id, cf.options, t.arm, t.repetition, c.endpoint, c.error
                        FROM call_record c JOIN trial t ON t.id = c.trial_id
                        JOIN configuration cf ON cf.id = t.configuration_id
                        WHERE c.sweep_id = ? AND c.status = 'FAILED' ORDER BY c.id DESC LIMIT ?""")
                .param(sweepId).param(FAILURES)
                .query((rs, row) -> new LiveSnapshot.Failure(rs.getLong(1), OptionsJson.read(rs.getString(2)),
                        Arm.valueOf(rs.getString(3)), rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
    }
}
