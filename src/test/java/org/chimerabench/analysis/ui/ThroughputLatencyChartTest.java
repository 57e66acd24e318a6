package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.LoadResult;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.sweep.Load;
import org.junit.jupiter.api.Test;

/** The throughput–latency curve: a point per load level in load order, a line per configuration and arm, A and B. */
class ThroughputLatencyChartTest {

    final ObjectMapper json = new ObjectMapper();

    static LoadResult.ArmLoad arm(double aggregate, double ttftP95) {
        return new LoadResult.ArmLoad(2, 8, aggregate, aggregate / 100, aggregate / 4, ttftP95 / 2, ttftP95,
                ttftP95 * 1.1, 500, 800, 900, 5.0, null);
    }

    static LoadResult load(long id, int gpu, int level, double aggregate, double ttftP95) {
        return new LoadResult(id, Map.of("num_gpu", gpu), Load.Kind.CONCURRENCY, level,
                arm(aggregate * 0.98, ttftP95 * 1.02), arm(aggregate, ttftP95));
    }

    @Test
    void eachConfigurationAndArmIsALineThroughItsLoadLevelsInOrder() throws Exception {
        List<LoadResult> loads = List.of(load(3, 28, 4, 800, 15), load(1, 28, 1, 380, 4), load(2, 28, 2, 590, 6),
                load(4, 28, 8, 760, 420));
        JsonNode chart = json.readTree(new ApexChart(ThroughputLatencyChart.options(List.of(
                new ThroughputLatencyChart.Side(null, loads)))).optionsJson());
        assertThat(chart.get("series").findValuesAsText("name")).containsExactly("num_gpu=28 · chimera",
                "num_gpu=28 · baseline");
        assertThat(chart.at("/series/0/data").toString()).as("x = TTFT p95, y = aggregate, in load order")
                .isEqualTo("[{\"x\":4.0,\"y\":380.0},{\"x\":6.0,\"y\":590.0},{\"x\":15.0,\"y\":800.0},"
                        + "{\"x\":420.0,\"y\":760.0}]");
        assertThat(chart.at("/pointNames/0/3").asText())
                .isEqualTo("num_gpu=28 · chimera · concurrency 8: 760.0 tok/s in all, TTFT p95 420 ms");
        assertThat(chart.at("/xaxis/title/text").asText()).isEqualTo("TTFT p95 (ms)");
        assertThat(chart.at("/yaxis/title/text").asText()).isEqualTo("aggregate tok/s");
    }

    @Test
    void aComparisonDrawsBothSweepsCurvesToldApartByTheirSide() throws Exception {
        JsonNode chart = json.readTree(new ApexChart(ThroughputLatencyChart.options(List.of(
                new ThroughputLatencyChart.Side("A", List.of(load(1, 28, 1, 380, 4), load(2, 28, 4, 800, 15))),
                new ThroughputLatencyChart.Side("B", List.of(load(5, 28, 1, 300, 5), load(6, 28, 4, 600, 30))))))
                .optionsJson());
        assertThat(chart.get("series").findValuesAsText("name")).containsExactly("A · num_gpu=28 · chimera",
                "A · num_gpu=28 · baseline", "B · num_gpu=28 · chimera", "B · num_gpu=28 · baseline");
        assertThat(chart.at("/series/2/data/1/y").asDouble()).isEqualTo(600.0);
    }
}
