package org.chimerabench.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chimerabench.sweep.SweepLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A large synthetic sweep for benchmarks: num_gpu × num_ctx × temperature configurations, both arms, n trials
 * each with one OK call (deterministic values, seed 42). Trials and calls go in by JDBC batch.
 */
public final class SyntheticSweep {

    private final SweepLifecycle sweeps;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SyntheticSweep(SweepLifecycle sweeps, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.sweeps = sweeps;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Creates the sweep with its configurations, trials and one OK call per trial; returns its id. */
    public long create(int gpuValues, int ctxValues, int temperatureValues, int trialsPerArm) {
        long id = createSweep(gpuValues, ctxValues, temperatureValues, trialsPerArm);
        insertCalls(id, trialsPerArm);
        return id;
    }

    public long callCount(long sweepId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE sweep_id = ?", Long.class, sweepId);
    }

    private long createSweep(int gpuValues, int ctxValues, int temperatureValues, int trialsPerArm) {
        return transactions.execute(status -> {
            List<Object> gpus = new ArrayList<>();
            List<Object> contexts = new ArrayList<>();
            List<Object> temperatures = new ArrayList<>();
            for (int i = 0; i < gpuValues; i++) {
                gpus.add(8 * (i + 1));
            }
            for (int i = 0; i < ctxValues; i++) {
                contexts.add(256 * (i + 1));
            }
            for (int i = 0; i < temperatureValues; i++) {
                temperatures.add(Math.round((0.1 + 0.1 * i) * 10) / 10.0);
            }
            Map<String, List<Object>> axes = new LinkedHashMap<>();
            axes.put("num_gpu", gpus);
            axes.put("num_ctx", contexts);
            axes.put("temperature", temperatures);
            List<Map<String, Object>> configurations = new ArrayList<>();
            for (Object gpu : gpus) {
                for (Object ctx : contexts) {
                    for (Object temperature : temperatures) {
                        Map<String, Object> options = new LinkedHashMap<>();
                        options.put("num_gpu", gpu);
                        options.put("num_ctx", ctx);
                        options.put("temperature", temperature);
                        configurations.add(options);
                    }
                }
            }
            return sweeps.storeImported(new SweepLifecycle.ImportedSweep("Benchmark sweep", "bench", "synthetic",
                    null, null, Map.of(), trialsPerArm, axes, configurations)).getId();
        });
    }

    /** Trials and calls by JDBC batch (as a fast importer would), deterministic values. */
    private void insertCalls(long sweepId, int trialsPerArm) {
        List<Long> configurationIds = jdbc.queryForList(
                "SELECT id FROM configuration WHERE sweep_id = ? ORDER BY position", Long.class, sweepId);
        long firstTrialId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM trial", Long.class);
        Random random = new Random(42);
        List<Object[]> trials = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        long trialId = firstTrialId;
        for (Long configurationId : configurationIds) {
            double effect = random.nextGaussian() * 1.5;
            for (int repetition = 1; repetition <= trialsPerArm; repetition++) {
                for (String arm : List.of("BASELINE", "CHIMERA")) {
                    trials.add(new Object[] {trialId, configurationId, sweepId, arm, repetition});
                    double tok = 100 + random.nextGaussian() * 2 + (arm.equals("CHIMERA") ? effect : 0);
                    double ttft = 900 + random.nextGaussian() * 40;
                    calls.add(new Object[] {trialId, sweepId, tok, ttft, 4_000_000_000L + random.nextInt(1000)});
                    trialId++;
                }
            }
        }
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("INSERT INTO trial (id, configuration_id, sweep_id, arm, repetition, warmup, status)"
                    + " VALUES (?, ?, ?, ?, ?, FALSE, 'DONE')", trials);
            jdbc.batchUpdate("INSERT INTO call_record (trial_id, sweep_id, status, decode_tok_per_sec, ttft_ms,"
                    + " size_vram_bytes) VALUES (?, ?, 'OK', ?, ?, ?)", calls);
        });
        jdbc.execute("ALTER TABLE trial ALTER COLUMN id RESTART WITH " + trialId);
    }
}
