package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.MeasuredCalls;
import org.chimerabench.support.AsAdmin;
import org.chimerabench.support.Bench;
import org.chimerabench.support.SyntheticSweep;
import org.chimerabench.sweep.Sweep;
import org.chimerabench.sweep.SweepAxis;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepService;
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
@AsAdmin
class AnalysisBenchmarkTest {

    static final int GPU_VALUES = 10;
    static final int CTX_VALUES = 10;
    static final int TEMPERATURE_VALUES = 10;
    static final int TRIALS = 50;

    @Autowired
    SweepLifecycle lifecycle;
    @Autowired
    SweepService sweeps;
    @Autowired
    MeasuredCalls measures;
    @Autowired
    AnalysisService analysisService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void analysisOf100kCalls() {
        long loadStart = System.nanoTime();
        SyntheticSweep synthetic = new SyntheticSweep(lifecycle, jdbc, transactions);
        long sweepId = synthetic.create(GPU_VALUES, CTX_VALUES, TEMPERATURE_VALUES, TRIALS);
        long calls = synthetic.callCount(sweepId);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
        assertThat(calls).isEqualTo(100_000);
        Bench.print("analysis_load_100k_calls", loadSeconds, "s", 4);

        Sweep sweep = sweeps.read(sweepId).orElseThrow(); // with its axes and configurations
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
            List<MeasuredConfiguration> data = AnalysisService.measured(sweep, measures.byConfiguration(sweepId, null));
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

        Bench.print("analysis_compute_100k_calls_median", Bench.median(compute), "s", 4);
        Bench.print("analysis_query_100k_calls_median", Bench.median(query), "s", 4);
        Bench.print("raw_read_100k_values_median", Bench.median(rawRead), "s", 4);
        Bench.print("analysis_total_vs_raw_read_ratio",
                (Bench.median(compute) + Bench.median(query)) / Bench.median(rawRead), "x", 4);
        Bench.print("analysis_service_uncached", serviceCold, "s", 4);
        Bench.print("analysis_service_cached", serviceCached, "s", 4);
    }
}
