package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.chart.ChartOptions;
import org.junit.jupiter.api.Test;

/** The options the results charts produce from analysis figures. */
class ResultsChartsTest {

    final ObjectMapper json = new ObjectMapper();

    static ConfigurationResult result(long id, int gpu, int ctx, double delta, Double ttftReduction) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_gpu", gpu);
        options.put("num_ctx", ctx);
        return new ConfigurationResult(id, options, new ConfigurationResult.Throughput(100, 100 + delta, delta, null, null),
                new ConfigurationResult.Ttft(900.0, 900.0, ttftReduction, null, null), new ConfigurationResult.Trials(1, 1),
                new ConfigurationResult.Significance(null, null, delta > 0, null), null);
    }

    final List<ConfigurationResult> results = List.of(result(1, 60, 256, 0.5, 2.0), result(2, 80, 256, -0.25, -1.0),
            result(3, 60, 512, 0.1, 0.5), result(4, 80, 512, 0.0, null));

    @Test
    void barChartIsSortedAndColouredBySign() throws Exception {
        JsonNode data = json.readTree(new ApexChart(DeltaBarChart.options(results)).optionsJson()).at("/series/0/data");
        assertThat(data.findValuesAsText("x")).containsExactly("80/256", "80/512", "60/512", "60/256");
        assertThat(data.get(0).get("fillColor").asText()).isEqualTo(ChartOptions.BAD);
        assertThat(data.get(1).get("fillColor").asText()).as("Δ = 0 is not an improvement").isEqualTo(ChartOptions.BAD);
        assertThat(data.get(3).get("fillColor").asText()).isEqualTo(ChartOptions.GOOD);
    }

    @Test
    void heatmapHasOneRowPerSecondAxisValueAndOneCellPerFirstAxisValue() throws Exception {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        axes.put("num_gpu", List.of(60, 80));
        axes.put("num_ctx", List.of(256, 512));
        JsonNode series = json.readTree(new ApexChart(DeltaHeatmapChart.options(List.copyOf(axes.keySet()), axes,
                results, null)).optionsJson()).at("/series");
        assertThat(series.findValuesAsText("name")).containsExactly("num_ctx 256", "num_ctx 512");
        assertThat(series.get(0).get("data").toString()).isEqualTo("[{\"x\":\"60\",\"y\":0.5},{\"x\":\"80\",\"y\":-0.25}]");
        assertThat(series.get(1).get("data").toString()).isEqualTo("[{\"x\":\"60\",\"y\":0.1},{\"x\":\"80\",\"y\":0.0}]");
    }

    @Test
    void scatterSplitsImprovedFromNotImprovedAndSkipsMissingTtft() throws Exception {
        JsonNode series = json.readTree(new ApexChart(TtftScatterChart.options(results)).optionsJson()).at("/series");
        assertThat(series.get(0).get("data").toString()).isEqualTo("[{\"x\":0.5,\"y\":2.0},{\"x\":0.1,\"y\":0.5}]");
        assertThat(series.get(1).get("data").toString()).isEqualTo("[{\"x\":-0.25,\"y\":-1.0}]");
    }
}
