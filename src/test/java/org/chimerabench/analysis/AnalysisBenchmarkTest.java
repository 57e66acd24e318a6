package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepAxis;
import org.chimerabench.sweep.SweepRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Analysis of a synthetic sweep with 100,000 stored calls: 1,000 configurations × 2 arms × 50 trials.
 * Target: ≤ 0.5 s for the analysis computation once the data is loaded. Also reports the load (insert) time,
 * the query time, and — as a same-run reference for these noisy machines — the time to merely read the
 * 100,000 throughput values, with the ratio of the full analysis to that read.
 * Run with {@code ./mvnw -B verify -Pbench}.
 */
@Tag("bench")
@SpringBootTest
class AnalysisBenchmarkTest {

    static final int GPU_VALUES = 10;
    static final int CTX_VALUES = 10;
    static final int TEMPERATURE_VALUES = 10;
    static final int TRIALS = 50;

    @Autowired
    SweepRepository sweeps;
    @Autowired
    CallMeasureRepository measures;
    @Autowired
    AnalysisService analysisService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void analysisOf100kCalls() {
        long loadStart = System.nanoTime();
        long sweepId = createSweep();
        long calls = insertCalls(sweepId);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(calls).isEqualTo(100_000);
        print("analysis_load_100k_calls", loadSeconds, "s");

        Sweep sweep = transactions.execute(status -> {
            Sweep s = sweeps.findById(sweepId).orElseThrow();
            s.getAxes().size();
            return s;
        });
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        for (SweepAxis axis : sweep.getAxes()) {
            axes.put(axis.getOptionName(), axis.getValues());
        }

        double[] query = new double[7];
        double[] compute = new double[7];
        double[] rawRead = new double[7];
        SweepAnalysis analysis = null;
        for (int run = 0; run < query.length; run++) {
            long t0 = System.nanoTime();
            double sum = jdbc.query("SELECT decode_tok_per_sec FROM call_record WHERE sweep_id = ?",
                    rs -> {
                        double s = 0;
                        while (rs.next()) {
                            s += rs.getDouble(1);
                        }
                        return s;
                    }, sweepId);
            long t1 = System.nanoTime();
            List<MeasuredConfiguration> data = measures.load(sweepId);
            long t2 = System.nanoTime();
            analysis = SweepAnalyzer.analyse(sweepId, "bench", axes, data);
            long t3 = System.nanoTime();
            assertThat(sum).isPositive();
            rawRead[run] = (t1 - t0) / 1e9;
            query[run] = (t2 - t1) / 1e9;
            compute[run] = (t3 - t2) / 1e9;
        }
        assertThat(analysis.configurations()).isEqualTo(1000);
        assertThat(analysis.minTrialsPerArm()).isEqualTo(TRIALS);
        assertThat(analysis.significantlyImprovedConfigurations()).isNotNull();

        long coldStart = System.nanoTime();
        analysisService.evict(sweepId);
        analysisService.analyse(sweepId).orElseThrow();
        double serviceCold = (System.nanoTime() - coldStart) / 1e9;
        long warmStart = System.nanoTime();
        analysisService.analyse(sweepId).orElseThrow();
        double serviceCached = (System.nanoTime() - warmStart) / 1e9;

        print("analysis_compute_100k_calls_median", median(compute), "s");
        print("analysis_query_100k_calls_median", median(query), "s");
        print("raw_read_100k_values_median", median(rawRead), "s");
        print("analysis_total_vs_raw_read_ratio", (median(compute) + median(query)) / median(rawRead), "x");
        print("analysis_service_uncached", serviceCold, "s");
        print("analysis_service_cached", serviceCached, "s");
    }

    private long createSweep() {
        return transactions.execute(status -> {
            Sweep sweep = Sweep.imported("Benchmark sweep", "bench", "synthetic");
            List<Object> gpus = new ArrayList<>();
            List<Object> contexts = new ArrayList<>();
            List<Object> temperatures = new ArrayList<>();
            for (int i = 0; i < GPU_VALUES; i++) {
                gpus.add(8 * (i + 1));
            }
            for (int i = 0; i < CTX_VALUES; i++) {
                contexts.add(256 * (i + 1));
            }
            for (int i = 0; i < TEMPERATURE_VALUES; i++) {
                temperatures.add(Math.round((0.1 + 0.1 * i) * 10) / 10.0);
            }
            sweep.addAxis("num_gpu", gpus);
            sweep.addAxis("num_ctx", contexts);
            sweep.addAxis("temperature", temperatures);
            sweep.setRepetitions(TRIALS);
            for (Object gpu : gpus) {
                for (Object ctx : contexts) {
                    for (Object temperature : temperatures) {
                        Map<String, Object> options = new LinkedHashMap<>();
                        options.put("num_gpu", gpu);
                        options.put("num_ctx", ctx);
                        options.put("temperature", temperature);
                        sweep.addConfiguration(options);
                    }
                }
            }
            return sweeps.saveAndFlush(sweep).getId();
        });
    }

    /** Trials and calls by JDBC batch (as a fast importer would), deterministic values. */
    private long insertCalls(long sweepId) {
        List<Long> configurationIds = jdbc.queryForList(
                "SELECT id FROM configuration WHERE sweep_id = ? ORDER BY position", Long.class, sweepId);
        long firstTrialId = jdbc.queryForObject("SELECT COALESCE(MAX(id), 0) + 1 FROM trial", Long.class);
        Random random = new Random(42);
        List<Object[]> trials = new ArrayList<>();
        List<Object[]> calls = new ArrayList<>();
        long trialId = firstTrialId;
        for (Long configurationId : configurationIds) {
            double effect = random.nextGaussian() * 1.5;
            for (int repetition = 1; repetition <= TRIALS; repetition++) {
                for (String arm : List.of("BASELINE", "CHIMERA")) {
                    trials.add(new Object[] {trialId, configurationId, arm, repetition});
                    double tok = 100 + random.nextGaussian() * 2 + (arm.equals("CHIMERA") ? effect : 0);
                    double ttft = 900 + random.nextGaussian() * 40;
                    calls.add(new Object[] {trialId, sweepId, tok, ttft, 4_000_000_000L + random.nextInt(1000)});
                    trialId++;
                }
            }
        }
        transactions.executeWithoutResult(status -> {
            jdbc.batchUpdate("INSERT INTO trial (id, configuration_id, arm, repetition, warmup, status)"
                    + " VALUES (?, ?, ?, ?, FALSE, 'DONE')", trials);
            jdbc.batchUpdate("INSERT INTO call_record (trial_id, sweep_id, status, decode_tok_per_sec, ttft_ms,"
                    + " size_vram_bytes) VALUES (?, ?, 'OK', ?, ?, ?)", calls);
        });
        jdbc.execute("ALTER TABLE trial ALTER COLUMN id RESTART WITH " + trialId);
        return jdbc.queryForObject("SELECT COUNT(*) FROM call_record WHERE sweep_id = ?", Long.class, sweepId);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static void print(String name, double value, String unit) {
        System.out.printf(java.util.Locale.ROOT, "BENCH %s=%.4f %s%n", name, value, unit);
    }
}
