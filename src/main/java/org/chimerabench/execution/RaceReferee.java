package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.chimerabench.stats.Race;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.RacePlan;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Judges a race after each round (stats.Race on the stored calls) and stores the decisions: a stopped configuration
 * keeps its reason and round, and its trials not yet run are dropped from the plan. A round is judged on the values
 * of repetitions up to that round only, with each configuration as it stood then (stopped before it, or not), so
 * judging a round again after a restart gives the same decisions as the first time.
 */
@Component
class RaceReferee {

    private final SweepService sweeps;
    private final SweepLifecycle lifecycle;
    private final JdbcClient jdbc;

    RaceReferee(SweepService sweeps, SweepLifecycle lifecycle, JdbcClient jdbc) {
        this.sweeps = sweeps;
        this.lifecycle = lifecycle;
        this.jdbc = jdbc;
    }

    /**
     * Judges round {@code round}; true when the race is over (no configuration runs on). The decisions are stored
     * through the sweep's door and the stopped configurations' pending trials dropped, in one transaction.
     */
    @Transactional
    public boolean judge(long sweepId, int round) {
        Sweep sweep = sweeps.read(sweepId).orElseThrow();
        RacePlan plan = sweep.getRace().orElseThrow();
        Race.Judgement judgement = judgeRound(sweep, plan, perRepetition(sweepId, round), round);
        Map<Long, Configuration> configurations = new HashMap<>();
        sweep.getConfigurations().forEach(c -> configurations.put(c.getId(), c));
        Map<Long, Race.Stop> stops = new HashMap<>();
        boolean over = true;
        for (Race.Standing standing : judgement.standings()) {
            Configuration configuration = configurations.get(standing.id());
            Race.Stop stop = standing.stop();
            if (stop == null && round >= plan.maxRepetitions()) {
                stop = Race.Stop.EXHAUSTED; // its failed trials left it short of values: no more rounds
            }
            if (stop != null) {
                stops.put(standing.id(), stop);
            }
            over &= stop != null || configuration.getStopReason() != null;
        }
        for (Long stopped : lifecycle.recordDecisions(sweepId, round, stops)) {
            jdbc.sql("DELETE FROM trial WHERE configuration_id = ? AND status = 'PENDING'").param(stopped).update();
        }
        return over;
    }

    /**
     * The race round by round, as it was judged: after each complete round, every configuration that raced in it
     * with its mean and confidence interval so far, the leader, and the stop it got then. Empty for a fixed sweep.
     */
    @Transactional(readOnly = true)
    public Optional<RaceHistory> history(long sweepId) {
        Sweep sweep = sweeps.read(sweepId).orElse(null);
        RacePlan plan = sweep == null ? null : sweep.getRace().orElse(null);
        if (plan == null) {
            return Optional.empty();
        }
        Map<Long, TreeMap<Integer, double[]>> all = perRepetition(sweepId, Integer.MAX_VALUE);
        Integer open = jdbc.sql("""
                SELECT MIN(repetition) FROM trial
                WHERE sweep_id = ? AND warmup = FALSE AND status IN ('PENDING', 'RUNNING')""")
                .param(sweepId).query(Integer.class).optional().orElse(null);
        int stored = all.values().stream().filter(m -> !m.isEmpty()).mapToInt(TreeMap::lastKey).max().orElse(0);
        int complete = open == null ? stored : Math.min(stored, open - 1);
        List<RaceHistory.Round> rounds = new ArrayList<>();
        for (int round = 1; round <= complete; round++) {
            Map<Long, TreeMap<Integer, double[]>> upTo = new HashMap<>();
            int r = round;
            all.forEach((id, byRepetition) -> upTo.put(id, new TreeMap<>(byRepetition.headMap(r, true))));
            Race.Judgement judgement = judgeRound(sweep, plan, upTo, round);
            List<RaceHistory.Entry> entries = new ArrayList<>();
            for (Configuration configuration : sweep.getConfigurations()) {
                Integer stoppedAt = configuration.getStoppedAtRound();
                if (stoppedAt != null && stoppedAt < round) {
                    continue; // it no longer raced in this round
                }
                Race.Standing standing = judgement.of(configuration.getId()).orElseThrow();
                Race.Stop stop = stoppedAt != null && stoppedAt == round ? configuration.getStopReason() : null;
                entries.add(new RaceHistory.Entry(configuration.getId(), standing.repetitions(),
                        standing.repetitions() == 0 ? null : standing.mean(), standing.halfWidth(),
                        standing.halfWidthAsJudged(), stop));
            }
            rounds.add(new RaceHistory.Round(round, judgement.leaderId(), List.copyOf(entries)));
        }
        int racing = (int) sweep.getConfigurations().stream().filter(c -> c.getStopReason() == null).count();
        return Optional.of(new RaceHistory(plan, open == null ? null : open, sweep.getConfigurations().size(),
                racing, List.copyOf(rounds)));
    }

    /** Stats.Race on the values up to {@code round}, each configuration as it stood then (stopped before it, or not). */
    private static Race.Judgement judgeRound(Sweep sweep, RacePlan plan, Map<Long, TreeMap<Integer, double[]>> values,
                                             int round) {
        List<Race.Entrant> entrants = new ArrayList<>();
        for (Configuration configuration : sweep.getConfigurations()) {
            boolean stoppedBefore = configuration.getStoppedAtRound() != null
                    && configuration.getStoppedAtRound() < round;
            entrants.add(new Race.Entrant(configuration.getId(), objective(plan.objective(),
                    values.getOrDefault(configuration.getId(), new TreeMap<>())),
                    stoppedBefore ? configuration.getStopReason() : null));
        }
        return Race.judge(new Race.Rules(plan.minRepetitions(), plan.maxRepetitions(), plan.targetCiHalfWidthPct(),
                plan.objective().relativeTarget(), plan.eliminate(), plan.confidence(),
                plan.objective().higherIsBetter()), entrants);
    }

    /**
     * Per configuration and repetition (up to {@code round}): the means of its OK calls, non-warm-up —
     * {baseline tok/s, chimera tok/s, chimera TTFT ms}, NaN where an arm has no value.
     */
    private Map<Long, TreeMap<Integer, double[]>> perRepetition(long sweepId, int round) {
        Map<Long, TreeMap<Integer, double[][]>> sums = new HashMap<>();
        jdbc.sql("""
                SELECT t.configuration_id, t.repetition, t.arm, c.decode_tok_per_sec, c.ttft_ms
                FROM call_record c JOIN trial t ON t.id = c.trial_id
                WHERE c.sweep_id = ? AND c.status = 'OK' AND t.warmup = FALSE AND t.repetition <= ?
                  AND c.reload_reason IS NULL AND c.disturbance IS NULL
                """).param(sweepId).param(round).query(rs -> {
                    double[][] cell = sums.computeIfAbsent(rs.getLong(1), id -> new TreeMap<>())
                            .computeIfAbsent(rs.getInt(2), r -> new double[3][2]);
                    boolean chimera = Arm.valueOf(rs.getString(3)) == Arm.CHIMERA;
                    add(cell[chimera ? 1 : 0], rs.getDouble(4), rs.wasNull());
                    if (chimera) {
                        add(cell[2], rs.getDouble(5), rs.wasNull());
                    }
                });
        Map<Long, TreeMap<Integer, double[]>> means = new HashMap<>();
        sums.forEach((id, repetitions) -> {
            TreeMap<Integer, double[]> byRepetition = new TreeMap<>();
            repetitions.forEach((repetition, cell) -> byRepetition.put(repetition, new double[] {
                    mean(cell[0]), mean(cell[1]), mean(cell[2])}));
            means.put(id, byRepetition);
        });
        return means;
    }

    private static void add(double[] sumAndCount, double value, boolean missing) {
        if (!missing && Double.isFinite(value)) {
            sumAndCount[0] += value;
            sumAndCount[1]++;
        }
    }

    private static double mean(double[] sumAndCount) {
        return sumAndCount[1] == 0 ? Double.NaN : sumAndCount[0] / sumAndCount[1];
    }

    /** The objective's value per repetition, in repetition order; repetitions without one are left out. */
    static double[] objective(RaceObjective objective, TreeMap<Integer, double[]> byRepetition) {
        List<Double> values = new ArrayList<>();
        for (double[] m : byRepetition.values()) {
            double value = switch (objective) {
                case CHIMERA_DECODE_TOK_PER_SEC -> m[1];
                case TTFT_MS -> m[2];
                case THROUGHPUT_DELTA_PCT -> m[0] > 0 ? 100 * (m[1] - m[0]) / m[0] : Double.NaN;
            };
            if (Double.isFinite(value)) {
                values.add(value);
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
