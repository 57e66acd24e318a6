package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.MeasuredCalls.ConfigurationMeasures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The read model behind {@link MeasuredCalls#byConfiguration}: per configuration and arm, one value per non-warm-up
 * trial (the mean of the trial's OK calls that ran warm and undisturbed — §4.2), read straight from execution's own
 * tables (one projection query, no entities), so 100,000 calls load in a fraction of a second.
 */
@Repository
class TrialMeasures {

    private final JdbcClient jdbc;

    TrialMeasures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A cheap fingerprint of a sweep's calls: changes whenever a call is added or removed. */
    public String stamp(long sweepId) {
        return jdbc.sql("SELECT COUNT(*) || ':' || COALESCE(MAX(id), 0) FROM call_record WHERE sweep_id = ?")
                .param(sweepId).query(String.class).single();
    }

    /** The endpoints whose calls a sweep stored, by name. */
    public List<String> endpoints(long sweepId) {
        return jdbc.sql("SELECT DISTINCT endpoint FROM call_record WHERE sweep_id = ? AND endpoint IS NOT NULL"
                        + " ORDER BY endpoint")
                .param(sweepId).query(String.class).list();
    }

    /**
     * The measures of a sweep's configurations by configuration id, from one endpoint's calls ({@code endpoint}
     * null = every call); a configuration without a trial yet is absent.
     */
    public Map<Long, ConfigurationMeasures> byConfiguration(long sweepId, String endpoint) {
        Map<Long, ConfigurationTrials> trials = new HashMap<>();
        jdbc.sql("""
                SELECT t.configuration_id, t.id, t.arm, c.decode_tok_per_sec, c.ttft_ms, c.size_vram_bytes
                FROM call_record c JOIN trial t ON t.id = c.trial_id
                WHERE c.sweep_id = ? AND c.status = 'OK' AND t.warmup = FALSE
                  AND c.reload_reason IS NULL AND c.disturbance IS NULL
                  AND (CAST(? AS VARCHAR) IS NULL OR c.endpoint = ?)
                ORDER BY t.configuration_id, t.id
                """)
                .param(sweepId).param(endpoint).param(endpoint)
                .query(rs -> {
                    long configurationId = rs.getLong(1);
                    ConfigurationTrials byConfiguration =
                            trials.computeIfAbsent(configurationId, id -> new ConfigurationTrials());
                    double tokPerSec = rs.getDouble(4);
                    Double tok = rs.wasNull() ? null : tokPerSec;
                    double ttftMs = rs.getDouble(5);
                    Double ttft = rs.wasNull() ? null : ttftMs;
                    long vramBytes = rs.getLong(6);
                    Long vram = rs.wasNull() ? null : vramBytes;
                    byConfiguration.add(rs.getLong(2), Arm.valueOf(rs.getString(3)) == Arm.CHIMERA, tok, ttft, vram);
                });
        Map<Long, ConfigurationMeasures> measures = new HashMap<>();
        trials.forEach((id, byConfiguration) -> measures.put(id, byConfiguration.toMeasures()));
        return measures;
    }

    /** Accumulates calls into per-trial means, per arm. Rows arrive ordered by trial. */
    private static final class ConfigurationTrials {
        private final TrialMeans baseline = new TrialMeans();
        private final TrialMeans chimera = new TrialMeans();
        private double vramSum;
        private int vramCount;

        void add(long trialId, boolean chimeraArm, Double tok, Double ttft, Long vram) {
            (chimeraArm ? chimera : baseline).add(trialId, tok, ttft);
            if (chimeraArm && vram != null) {
                vramSum += vram;
                vramCount++;
            }
        }

        ConfigurationMeasures toMeasures() {
            return new ConfigurationMeasures(baseline.tok.values(), chimera.tok.values(),
                    baseline.ttft.values(), chimera.ttft.values(), vramCount == 0 ? null : vramSum / vramCount);
        }
    }

    private static final class TrialMeans {
        private final MeanPerTrial tok = new MeanPerTrial();
        private final MeanPerTrial ttft = new MeanPerTrial();

        void add(long trialId, Double tokPerSec, Double ttftMs) {
            tok.add(trialId, tokPerSec);
            ttft.add(trialId, ttftMs);
        }
    }

    /** Mean of a trial's calls (1 call, or 2 for the agent workflow), one value per trial. */
    private static final class MeanPerTrial {
        private final List<Double> means = new ArrayList<>();
        private long currentTrial = -1;
        private double sum;
        private int count;

        void add(long trialId, Double value) {
            if (trialId != currentTrial) {
                flush();
                currentTrial = trialId;
            }
            if (value != null) {
                sum += value;
                count++;
            }
        }

        private void flush() {
            if (count > 0) {
                means.add(sum / count);
            }
            sum = 0;
            count = 0;
        }

        double[] values() {
            flush();
            currentTrial = -1;
            return means.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
