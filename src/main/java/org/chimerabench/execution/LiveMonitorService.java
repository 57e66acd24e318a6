package org.chimerabench.execution;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.chimerabench.sweep.SweepService;
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
    private final SweepService sweeps;
    private final EndpointService endpoints;
    private final RaceReferee referee;

    LiveMonitorService(JdbcClient jdbc, SweepService sweeps, EndpointService endpoints, RaceReferee referee) {
        this.referee = referee;
        this.jdbc = jdbc;
        this.sweeps = sweeps;
        this.endpoints = endpoints;
    }

    @Transactional(readOnly = true)
    public Optional<LiveSnapshot> snapshot(long sweepId) {
        return sweeps.read(sweepId).map(sweep -> {
            long[] stored = jdbc.sql("""
                            SELECT COUNT(*), COALESCE(SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), 0)
                            FROM call_record WHERE sweep_id = ?""")
                    .param(sweepId).query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            long done = stored[0];
            LiveSnapshot.RaceProgress race = race(sweepId);
            // a race drops trials as configurations stop: what is left is the stored calls + the trials still planned
            long planned = race != null ? done + sweep.getWorkloadType().callsPerTrial() * unfinishedTrials(sweepId)
                    : sweep.getWorkloadType().plannedCalls(sweep.getBatchSlots(sweeps.configurationCount(
                            sweepId)), sweep.getRepetitions(), sweep.getWarmupTrials());
            long total = Math.max(planned, done);
            List<Timed> recent = recent(sweepId);
            return new LiveSnapshot(sweepId, sweep.getStatus(), sweep.getStatusMessage(), done, total,
                    eta(recent, total - done), current(sweepId),
                    recent.stream().map(Timed::call).toList(), failures(sweepId), stored[1], race,
                    calls(sweepId, "c.disturbance IS NOT NULL", "c.disturbance"));
        });
    }

    private long unfinishedTrials(long sweepId) {
        return jdbc.sql("SELECT COUNT(*) FROM trial WHERE sweep_id = ? AND status IN ('PENDING', 'RUNNING')")
                .param(sweepId).query(Long.class).single();
    }

    /** A race's rounds so far (null for a fixed sweep), from the referee's history. */
    private LiveSnapshot.RaceProgress race(long sweepId) {
        return referee.history(sweepId).map(history -> {
            List<Integer> raced = history.rounds().stream().map(RaceHistory.Round::raced).toList();
            List<Double> leaderHalfWidths = history.rounds().stream()
                    .map(round -> round.leaderId() == null ? null : round.of(round.leaderId())
                            .map(RaceHistory.Entry::halfWidthAsJudged).orElse(null))
                    .toList();
            Optional<RaceHistory.Round> last = history.lastRound();
            Long leader = last.map(RaceHistory.Round::leaderId).orElse(null);
            Double leaderMean = leader == null ? null : last.flatMap(round -> round.of(leader))
                    .map(RaceHistory.Entry::mean).orElse(null);
            return new LiveSnapshot.RaceProgress(history.roundInProgress(), history.plan().maxRepetitions(),
                    history.configurations(), history.racing(), raced,
                    leader == null ? null : options(List.of(leader)).get(leader), leaderMean,
                    history.plan().objective(), leaderHalfWidths);
        }).orElse(null);
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
        List<Timed> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
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
        List<LiveSnapshot.Current> running = currentTrials(sweepId, TrialStatus.RUNNING, 100);
        return running.isEmpty() ? currentTrials(sweepId, TrialStatus.PENDING, 1) : running;
    }

    private List<LiveSnapshot.Current> currentTrials(long sweepId, TrialStatus status, int limit) {
        record Row(long configurationId, Arm arm, int repetition, boolean warmup, Long endpointId) {
        }
        List<Row> rows = jdbc.sql("""
                        SELECT configuration_id, arm, repetition, warmup, endpoint_id FROM trial
                        WHERE sweep_id = ? AND status = ? ORDER BY plan_position LIMIT ?""")
                .param(sweepId).param(status.name()).param(limit)
                .query((rs, row) -> new Row(rs.getLong(1), Arm.valueOf(rs.getString(2)), rs.getInt(3),
                        rs.getBoolean(4), rs.getObject(5, Long.class)))
                .list();
        Map<Long, Map<String, Object>> options = options(rows.stream().map(Row::configurationId).toList());
        return rows.stream().map(row -> new LiveSnapshot.Current(options.get(row.configurationId()), row.arm(),
                row.repetition(), row.warmup(), row.endpointId() == null ? null
                        : endpoints.findById(row.endpointId()).map(EndpointView::name).orElse(null))).toList();
    }

    private List<LiveSnapshot.Failure> failures(long sweepId) {
        return calls(sweepId, "c.status = 'FAILED'", "c.error");
    }

    /** The newest calls matching {@code where} (a fixed condition of this class), with {@code why} as their text. */
    private List<LiveSnapshot.Failure> calls(long sweepId, String where, String why) {
        record Row(long callId, long configurationId, Arm arm, int repetition, String endpoint, String error) {
        }
        List<Row> rows = jdbc.sql("SELECT c.id, t.configuration_id, t.arm, t.repetition, c.endpoint, " + why
                        + " FROM call_record c JOIN trial t ON t.id = c.trial_id WHERE c.sweep_id = ? AND " + where
                        + " ORDER BY c.id DESC LIMIT ?")
                .param(sweepId).param(FAILURES)
                .query((rs, row) -> new Row(rs.getLong(1), rs.getLong(2), Arm.valueOf(rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6)))
                .list();
        Map<Long, Map<String, Object>> options = options(rows.stream().map(Row::configurationId).toList());
        return rows.stream().map(row -> new LiveSnapshot.Failure(row.callId(), options.get(row.configurationId()),
                row.arm(), row.repetition(), row.endpoint(), row.error())).toList();
    }

    /** Options of a few configurations, read through the sweep feature's service. */
    private Map<Long, Map<String, Object>> options(List<Long> configurationIds) {
        return sweeps.configurationOptions(configurationIds);
    }
}
