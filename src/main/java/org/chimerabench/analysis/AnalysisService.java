package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.execution.MeasuredCalls.ConfigurationMeasures;
import org.chimerabench.execution.RaceHistory;
import org.chimerabench.stats.Race;
import org.chimerabench.sweep.Configuration;
import org.chimerabench.sweep.Load;
import org.chimerabench.sweep.RacePlan;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepAxis;
import org.chimerabench.sweep.SweepDeleted;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a sweep's analysis on demand from its stored calls. Results are cached per sweep and
 * recomputed as soon as a call is added or removed (the cache key includes a fingerprint of the calls). The cache
 * keeps the {@code chimera.analysis.cache-size} most recently used analyses (a year of sweeps must not fill the
 * heap); an analysis dropped from it is simply computed again when asked for.
 */
@Service
public class AnalysisService {

    private final SweepService sweeps;
    /** Everything the analysis reads of the stored calls: execution's one read port. */
    private final MeasuredCalls measures;
    private final Map<Key, Cached> cache;

    AnalysisService(SweepService sweeps, MeasuredCalls measures,
                    @Value("${chimera.analysis.cache-size:256}") int cacheSize) {
        this.sweeps = sweeps;
        this.measures = measures;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** How many analyses the cache holds now. */
    int cached() {
        return cache.size();
    }

    /** The analysis of the sweep, or empty when there is no such sweep. */
    @Transactional(readOnly = true)
    public Optional<SweepAnalysis> analyse(long sweepId) {
        return analyse(sweepId, null);
    }

    /**
     * The analysis of the calls one endpoint of a fleet made ({@code endpoint} = its name; null = all calls), or
     * empty when there is no such sweep.
     */
    @Transactional(readOnly = true)
    public Optional<SweepAnalysis> analyse(long sweepId, String endpoint) {
        return sweeps.read(sweepId).map(sweep -> {
            CallsStamp stamp = CallsStamp.parse(measures.stamp(sweepId));
            Key key = new Key(sweepId, endpoint);
            Cached cached = cache.get(key);
            double margin = sweep.getEquivalenceMarginPct();
            if (cached != null && cached.stamp.equals(stamp) && cached.analysis.verdict().throughputDeltaPct()
                    .marginPct() == margin) {
                return withRace(sweep, cached.analysis, stamp);
            }
            SweepAnalysis analysis = SweepAnalyzer.analyse(sweepId, sweep.getLabel(), axes(sweep),
                    measured(sweep, measures.byConfiguration(sweepId, endpoint)), margin);
            analysis = analysis.withLoad(underLoad(sweep, endpoint)).withValidity(validity(sweep, endpoint));
            cache.put(key, new Cached(stamp, analysis));
            return withRace(sweep, analysis, stamp);
        });
    }

    /**
     * A race's standings and summary (read from the sweep each time: a round's decisions are stored after its last
     * call, so they are not part of the cached analysis); a fixed sweep's analysis unchanged.
     */
    private static SweepAnalysis withRace(Sweep sweep, SweepAnalysis analysis, CallsStamp stamp) {
        Optional<RacePlan> race = sweep.getRace();
        if (race.isEmpty()) {
            return analysis;
        }
        Map<Long, Configuration> configurations = new HashMap<>();
        sweep.getConfigurations().forEach(c -> configurations.put(c.getId(), c));
        SweepAnalysis standing = analysis.withRace(result -> {
            Configuration configuration = configurations.get(result.configurationId());
            return result.withRace(new ConfigurationResult.RaceStanding(Math.max(result.trials().baselineTrials(),
                    result.trials().chimeraTrials()), configuration == null ? null : configuration.getStopReason(),
                    configuration == null ? null : configuration.getStoppedAtRound()));
        }, null);
        RacePlan plan = race.get();
        Comparator<ConfigurationResult> byObjective = switch (plan.objective()) {
            case CHIMERA_DECODE_TOK_PER_SEC -> Comparator.comparingDouble(r -> -r.throughput().chimeraTokPerSec());
            case THROUGHPUT_DELTA_PCT -> Comparator.comparingDouble(r -> -r.throughput().deltaPct());
            case TTFT_MS -> Comparator.comparingDouble(r -> r.ttft().chimeraTtftMs() == null ? Double.MAX_VALUE
                    : r.ttft().chimeraTtftMs());
        };
        Optional<ConfigurationResult> leader = standing.configurationResults().stream()
                .filter(r -> r.race().stopReason() != Race.Stop.ELIMINATED).min(byObjective);
        long used = stamp.calls();
        long fixed = sweep.getWorkloadType().plannedCalls(sweep.getConfigurations().size(), plan.maxRepetitions(),
                sweep.getWarmupTrials());
        int eliminated = (int) standing.configurationResults().stream()
                .filter(r -> r.race().stopReason() == Race.Stop.ELIMINATED).count();
        int rounds = standing.configurationResults().stream().mapToInt(r -> r.race().repetitions()).max().orElse(0);
        int lastElimination = standing.configurationResults().stream()
                .filter(r -> r.race().stopReason() == Race.Stop.ELIMINATED)
                .mapToInt(r -> r.race().stoppedAtRound()).max().orElse(0);
        double saved = fixed == 0 ? 0 : 100.0 * (fixed - used) / fixed;
        return standing.withRace(r -> r, new SweepAnalysis.RaceSummary(plan.objective(), used, fixed, saved,
                leader.map(ConfigurationResult::configurationId).orElse(null),
                leader.map(r -> OptionsJson.describeOrNone(r.options())).orElse(null), eliminated, rounds,
                sentence(sweep, plan, leader.orElse(null), eliminated, lastElimination, saved)));
    }

    /** The final sentence once every configuration stopped; else the race as it stands (no saving claimed). */
    private static String sentence(Sweep sweep, RacePlan plan, ConfigurationResult leader, int eliminated,
                                   int lastElimination, double saved) {
        int configurations = sweep.getConfigurations().size();
        int racing = (int) sweep.getConfigurations().stream().filter(c -> c.getStopReason() == null).count();
        if (sweep.getStatus() == SweepStatus.FINISHED && racing == 0) {
            return RaceSentence.of(plan, leader, eliminated, lastElimination, configurations, saved);
        }
        boolean running = sweep.getStatus() == SweepStatus.QUEUED || sweep.getStatus() == SweepStatus.RUNNING;
        return RaceSentence.unfinished(plan, leader, eliminated, configurations, racing, running);
    }

    /** Whether the sweep's calls ran where they should (§4.2): each arm at one placement, the baseline at one. */
    private Validity validity(Sweep sweep, String endpoint) {
        Map<Long, String> names = new HashMap<>();
        sweep.getConfigurations().forEach(c -> names.put(c.getId(), OptionsJson.describeOrNone(c.getOptions())));
        return Validity.of(measures.placed(sweep.getId(), endpoint),
                id -> names.getOrDefault(id, "configuration " + id));
    }

    /** Each configuration under its load; none when every configuration ran one call at a time. */
    private List<LoadResult> underLoad(Sweep sweep, String endpoint) {
        List<LoadAnalyzer.Subject> subjects = sweep.getConfigurations().stream()
                .map(c -> new LoadAnalyzer.Subject(c.getId(), c.getOptions(), sweep.loadOf(c))).toList();
        if (subjects.stream().allMatch(s -> s.load().equals(Load.ONE_AT_A_TIME))) {
            return List.of();
        }
        return LoadAnalyzer.analyse(subjects, measures.underLoad(sweep.getId(), endpoint));
    }

    /** A race round by round (each configuration's interval after each round, the leader); empty for a fixed sweep. */
    @Transactional(readOnly = true)
    public Optional<RaceHistory> raceRounds(long sweepId) {
        return measures.raceHistory(sweepId);
    }

    /** The endpoints whose calls a sweep stored, by name (more than one for a fleet; none for imports). */
    @Transactional(readOnly = true)
    public List<String> endpoints(long sweepId) {
        return measures.endpoints(sweepId);
    }

    @EventListener
    void deleted(SweepDeleted deleted) {
        evict(deleted.sweepId());
    }

    /** Forgets cached analyses of sweeps that were deleted. */
    public void evict(long sweepId) {
        synchronized (cache) {
            cache.keySet().removeIf(key -> key.sweepId() == sweepId);
        }
    }

    /** The sweep's configurations in grid order, each with the measures of its stored trials. */
    static List<MeasuredConfiguration> measured(Sweep sweep, Map<Long, ConfigurationMeasures> byConfiguration) {
        List<MeasuredConfiguration> measured = new ArrayList<>(sweep.getConfigurations().size());
        for (Configuration configuration : sweep.getConfigurations()) {
            ConfigurationMeasures m = byConfiguration.getOrDefault(configuration.getId(), ConfigurationMeasures.NONE);
            measured.add(new MeasuredConfiguration(configuration.getId(), configuration.getOptions(),
                    m.baselineTokPerSec(), m.chimeraTokPerSec(), m.baselineTtftMs(), m.chimeraTtftMs(),
                    m.sizeVramBytes()));
        }
        return measured;
    }

    private record Key(long sweepId, String endpoint) {
    }

    private static Map<String, List<Object>> axes(Sweep sweep) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (SweepAxis axis : sweep.getAxes()) {
            axes.put(axis.getOptionName(), axis.getValues());
        }
        return axes;
    }

    /** The fingerprint of a sweep's calls ({@code TrialMeasures.stamp}, "count:maxId"): how many, the highest id. */
    private record CallsStamp(long calls, long maxId) {

        static CallsStamp parse(String stamp) {
            int colon = stamp.indexOf(':');
            return new CallsStamp(Long.parseLong(stamp.substring(0, colon)),
                    Long.parseLong(stamp.substring(colon + 1)));
        }
    }

    private record Cached(CallsStamp stamp, SweepAnalysis analysis) {
    }
}
