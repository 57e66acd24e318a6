package org.chimerabench.execution;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one read port through which the analysis (and anything else outside execution) reads what execution stored
 * about a sweep's calls: the per-trial measures, the calls under load, where the calls ran, a race round by round.
 * Each read is a projection query on execution's own tables ({@code trial}, {@code call_record}); the queries live in
 * package-private read models ({@link TrialMeasures}, {@link LoadMeasures}, {@link PlacementMeasures},
 * {@link RaceReferee}).
 */
@Service
public class MeasuredCalls {

    private final TrialMeasures trials;
    private final LoadMeasures loads;
    private final PlacementMeasures placements;
    private final RaceReferee referee;

    MeasuredCalls(TrialMeasures trials, LoadMeasures loads, PlacementMeasures placements, RaceReferee referee) {
        this.trials = trials;
        this.loads = loads;
        this.placements = placements;
        this.referee = referee;
    }

    /**
     * One configuration's measures: per arm, one value per non-warm-up trial (the mean of the trial's OK calls that
     * ran warm and undisturbed — §4.2).
     *
     * @param sizeVramBytes mean {@code size_vram} of the CHIMERA calls from {@code /api/ps}, or null when not
     *                      measured
     */
    public record ConfigurationMeasures(double[] baselineTokPerSec, double[] chimeraTokPerSec,
                                        double[] baselineTtftMs, double[] chimeraTtftMs, Double sizeVramBytes) {

        /** No trial stored yet. */
        public static final ConfigurationMeasures NONE = new ConfigurationMeasures(new double[0], new double[0],
                new double[0], new double[0], null);
    }

    /**
     * One call of a batch (§6.7). {@code startedAtMs} is epoch milliseconds with a microsecond fraction;
     * its end is {@code startedAtMs + e2eMs}.
     */
    public record LoadCall(long configurationId, Arm arm, int repetition, double startedAtMs, double e2eMs,
                           int evalCount, Double ttftMs, Double decodeTokPerSec, Double queueMs) {

        public double endedAtMs() {
            return startedAtMs + e2eMs;
        }
    }

    /** Where one OK call ran (§4.2): {@code sizeBytes}/{@code sizeVramBytes} null when not recorded. */
    public record PlacedCall(long callId, long configurationId, Arm arm, boolean warmup, int repetition,
                             Long sizeBytes, Long sizeVramBytes, ReloadReason reloadReason, Double loadMs,
                             String disturbance) {
    }

    /** A cheap fingerprint of a sweep's calls ("count:highest id"): changes whenever a call is added or removed. */
    @Transactional(readOnly = true)
    public String stamp(long sweepId) {
        return trials.stamp(sweepId);
    }

    /** The endpoints whose calls a sweep stored, by name. */
    @Transactional(readOnly = true)
    public List<String> endpoints(long sweepId) {
        return trials.endpoints(sweepId);
    }

    /**
     * The measures of a sweep's configurations by configuration id, from one endpoint's calls ({@code endpoint}
     * null = every call); a configuration without a trial yet is absent.
     */
    @Transactional(readOnly = true)
    public Map<Long, ConfigurationMeasures> byConfiguration(long sweepId, String endpoint) {
        return trials.byConfiguration(sweepId, endpoint);
    }

    /** The OK, warm, undisturbed non-warm-up calls under load ({@code endpoint} null = every endpoint's). */
    @Transactional(readOnly = true)
    public List<LoadCall> underLoad(long sweepId, String endpoint) {
        return loads.calls(sweepId, endpoint);
    }

    /** The OK calls with where they ran ({@code endpoint} null = every endpoint's), in the order they were stored. */
    @Transactional(readOnly = true)
    public List<PlacedCall> placed(long sweepId, String endpoint) {
        return placements.calls(sweepId, endpoint);
    }

    /** A race round by round, as the referee judged it; empty for a fixed sweep. */
    @Transactional(readOnly = true)
    public Optional<RaceHistory> raceHistory(long sweepId) {
        return referee.history(sweepId);
    }
}
