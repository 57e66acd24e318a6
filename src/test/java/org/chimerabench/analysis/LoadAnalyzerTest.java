package org.chimerabench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;
import org.chimerabench.execution.MeasuredCalls.LoadCall;
import org.chimerabench.sweep.Load;
import org.junit.jupiter.api.Test;

/**
 * The figures under load on hand-made batches, against values computed independently with NumPy
 * (src/test/reference/load_reference.py: percentiles with NumPy's default 'linear' method = R type 7; aggregate =
 * tokens of all batches ÷ their summed wall time). Tolerance 1e-9 (the same arithmetic in doubles).
 */
class LoadAnalyzerTest {

    static final double[][] C4_REP1 = {{1000.0, 500.0, 100, 120.0, 210.0, 2.0}, {1001.0, 620.0, 110, 180.0, 190.0, 60.0},
            {1002.5, 700.0, 95, 240.0, 160.0, 110.0}, {1003.0, 810.0, 120, 300.0, 150.0, 170.0}};
    static final double[][] C4_REP2 = {{3000.0, 450.0, 90, 110.0, 220.0, 1.0}, {3000.5, 640.0, 100, 170.0, 185.0, 55.0},
            {3001.0, 720.0, 105, 250.0, 165.0, 120.0}, {3002.0, 790.0, 115, 290.0, 155.0, 160.0}};
    static final double[][] C1_REP1 = {{0.0, 400.0, 100, 80.0, 260.0, 1.0}};
    static final double[][] C1_REP2 = {{2000.0, 420.0, 105, 85.0, 255.0, 1.0}};

    static void add(List<LoadCall> calls, long configuration, Arm arm, int repetition, double[][] rows) {
        for (double[] r : rows) {
            calls.add(new LoadCall(configuration, arm, repetition, r[0], r[1], (int) r[2], r[3], r[4], r[5]));
        }
    }

    @Test
    void aggregateThroughputPercentilesAndEfficiencyMatchNumPy() {
        List<LoadCall> calls = new ArrayList<>();
        for (Arm arm : Arm.values()) { // both arms measured alike, so both give the reference figures
            add(calls, 1, arm, 1, C1_REP1);
            add(calls, 1, arm, 2, C1_REP2);
            add(calls, 2, arm, 1, C4_REP1);
            add(calls, 2, arm, 2, C4_REP2);
        }
        List<LoadResult> results = LoadAnalyzer.analyse(List.of(
                new LoadAnalyzer.Subject(1, Map.of("num_ctx", 2048, "concurrency", 1), new Load(1, null)),
                new LoadAnalyzer.Subject(2, Map.of("num_ctx", 2048, "concurrency", 4), new Load(4, null))), calls);
        assertThat(results).hasSize(2);
        LoadResult four = results.get(1);
        assertThat(four.options()).as("the load is not one of the options").isEqualTo(Map.of("num_ctx", 2048));
        assertThat(four.load().key()).isEqualTo("concurrency");
        assertThat(four.level()).isEqualTo(4.0);
        LoadResult.ArmLoad c4 = four.chimera();
        assertThat(c4.batches()).isEqualTo(2);
        assertThat(c4.calls()).isEqualTo(8);
        assertThat(c4.aggregateTokPerSec()).isCloseTo(520.2492211838006, offset(1e-9));
        assertThat(c4.requestsPerSec()).isCloseTo(4.984423676012461, offset(1e-9));
        assertThat(c4.perStreamDecodeTokPerSec()).isCloseTo(179.375, offset(1e-9));
        assertThat(c4.queueMsMean()).isCloseTo(84.75, offset(1e-9));
        assertThat(c4.ttftP50Ms()).isCloseTo(210.0, offset(1e-9));
        assertThat(c4.ttftP95Ms()).isCloseTo(296.5, offset(1e-9));
        assertThat(c4.ttftP99Ms()).isCloseTo(299.3, offset(1e-9));
        assertThat(c4.e2eP50Ms()).isCloseTo(670.0, offset(1e-9));
        assertThat(c4.e2eP95Ms()).isCloseTo(803.0, offset(1e-9));
        assertThat(c4.e2eP99Ms()).isCloseTo(808.6, offset(1e-9));
        assertThat(c4.parallelEfficiency()).isCloseTo(0.5202492211838006, offset(1e-9));
        assertThat(four.baseline().parallelEfficiency()).isCloseTo(0.5202492211838006, offset(1e-9));

        LoadResult.ArmLoad c1 = results.get(0).chimera();
        assertThat(c1.aggregateTokPerSec()).isCloseTo(250.0, offset(1e-9));
        assertThat(c1.requestsPerSec()).isCloseTo(2.4390243902439024, offset(1e-9));
        assertThat(c1.ttftP95Ms()).isCloseTo(84.75, offset(1e-9));
        assertThat(c1.e2eP99Ms()).isCloseTo(419.8, offset(1e-9));
        assertThat(c1.parallelEfficiency()).as("1 against itself").isCloseTo(1.0, offset(1e-12));
    }

    @Test
    void noEfficiencyWithoutConcurrencyOneAndNothingForAnArmNotMeasured() {
        List<LoadCall> calls = new ArrayList<>();
        add(calls, 2, Arm.BASELINE, 1, C4_REP1);
        add(calls, 2, Arm.CHIMERA, 1, C4_REP1);
        add(calls, 3, Arm.BASELINE, 1, C4_REP2); // its chimera arm not measured yet
        List<LoadResult> results = LoadAnalyzer.analyse(List.of(
                new LoadAnalyzer.Subject(2, Map.of("concurrency", 4), new Load(4, null)),
                new LoadAnalyzer.Subject(3, Map.of("concurrency", 8), new Load(8, null))), calls);
        assertThat(results).hasSize(1);
        assertThat(results.get(0).chimera().parallelEfficiency()).isNull();
        LoadResult paced = LoadAnalyzer.analyse(List.of(new LoadAnalyzer.Subject(2, Map.of("num_ctx", 2048),
                new Load(1, 2.5))), calls).get(0);
        assertThat(paced.load().key()).isEqualTo("requestRate");
        assertThat(paced.level()).isEqualTo(2.5);
        assertThat(paced.chimera().parallelEfficiency()).as("no efficiency at a request rate").isNull();
    }
}
