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
    void aThousandConfigurationsAreDrawnAsTwoSortedAreasInsteadOfBars() throws Exception {
        List<ConfigurationResult> many = new java.util.ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(result(i + 1, 8 * (i % 10 + 1), 256 * (i / 10 + 1), ((i * 37) % 1000 - 400) / 100.0, null));
        }
        JsonNode chart = json.readTree(new ApexChart(DeltaBarChart.options(many)).optionsJson());
        assertThat(chart.at("/chart/type").asText()).isEqualTo("area");
        JsonNode slower = chart.at("/series/0/data");
        JsonNode faster = chart.at("/series/1/data");
        // sorted ascending over the rank 1 … 1000: 401 configurations with Δ ≤ 0 (−4.00 … 0.00), then 599 faster
        assertThat(slower).hasSize(401);
        assertThat(faster).hasSize(599);
        assertThat(slower.get(0).toString()).isEqualTo("{\"x\":1,\"y\":-4.0}");
        assertThat(slower.get(400).toString()).isEqualTo("{\"x\":401,\"y\":0.0}");
        assertThat(faster.get(0).toString()).isEqualTo("{\"x\":402,\"y\":0.01}");
        assertThat(faster.get(598).toString()).isEqualTo("{\"x\":1000,\"y\":5.99}");
        assertThat(chart.at("/xaxis/type").asText()).as("a rank axis, not 1,000 categories").isEqualTo("numeric");
        assertThat(chart.at("/xaxis/tickAmount").asInt()).isEqualTo(10);
        assertThat(chart.at("/colors/0").asText()).isEqualTo(ChartOptions.BAD);
        assertThat(chart.at("/colors/1").asText()).isEqualTo(ChartOptions.GOOD);
        assertThat(chart.at("/pointNames/1/598").asText()).as("the tooltip names the configuration")
                .startsWith("num_gpu=");
        assertThat(DeltaBarChart.options(results).chart().type()).as("few configurations stay bars").isEqualTo("bar");
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

    @Test
    void deltaChartsHaveRoundTicksAZeroLineAndNameTheConfigurationInTheTooltip() throws Exception {
        JsonNode bar = json.readTree(new ApexChart(DeltaBarChart.options(results)).optionsJson());
        // Δ from −0.25 to +0.5: ticks −0.4, −0.2, 0, 0.2, 0.4, 0.6
        assertThat(bar.at("/yaxis/min").asDouble()).isEqualTo(-0.4);
        assertThat(bar.at("/yaxis/max").asDouble()).isEqualTo(0.6);
        assertThat(bar.at("/yaxis/tickAmount").asInt()).isEqualTo(5);
        assertThat(bar.at("/axisDecimals").asInt()).isEqualTo(1);
        assertThat(bar.at("/annotations/yaxis/0/y").asDouble()).as("zero line").isZero();
        assertThat(bar.at("/pointNames/0/0").asText()).isEqualTo("num_gpu=80 · num_ctx=256");
        assertThat(bar.at("/yaxis/title/offsetX").asInt()).as("title kept inside the chart").isPositive();

        JsonNode scatter = json.readTree(new ApexChart(TtftScatterChart.options(results)).optionsJson());
        assertThat(scatter.at("/annotations/xaxis/0/x").asDouble()).as("zero line on both axes").isZero();
        assertThat(scatter.at("/pointNames/1/0").asText()).isEqualTo("num_gpu=80 · num_ctx=256");
        assertThat(scatter.at("/xaxis/min").asDouble()).isLessThanOrEqualTo(-0.25);
    }

    @Test
    void heatmapColoursDivergeAndDeepenWithTheSizeOfDelta() {
        List<ChartOptions.ColorRange> ranges = DeltaHeatmapChart.diverging(0.45);
        assertThat(ranges).extracting(ChartOptions.ColorRange::name).contains("0 %");
        List<String> reds = ranges.stream().filter(r -> r.to() < 0).map(ChartOptions.ColorRange::color).toList();
        List<String> greens = ranges.stream().filter(r -> r.from() > 0).map(ChartOptions.ColorRange::color).toList();
        assertThat(reds).hasSameSizeAs(greens).hasSizeGreaterThanOrEqualTo(3);
        assertThat(reds).doesNotHaveDuplicates().allMatch(c -> c.startsWith("hsl(3,"));
        assertThat(greens).doesNotHaveDuplicates().allMatch(c -> c.startsWith("hsl(145,"));
        assertThat(lightness(greens.get(0))).as("small Δ light").isGreaterThan(lightness(greens.get(greens.size() - 1)));
        assertThat(lightness(reds.get(reds.size() - 1))).as("small slowdown light, large dark")
                .isGreaterThan(lightness(reds.get(0)));
        // −0.20 % and −0.45 % no longer share a colour
        assertThat(colourOf(ranges, -0.20)).isNotEqualTo(colourOf(ranges, -0.45));
        assertThat(ranges).allMatch(r -> r.name().matches("[−+0-9. to%]+"));
    }

    private static int lightness(String hsl) {
        return Integer.parseInt(hsl.replaceAll(".*, (\\d+)%\\)$", "$1"));
    }

    private static String colourOf(List<ChartOptions.ColorRange> ranges, double value) {
        return ranges.stream().filter(r -> r.from() <= value && value <= r.to()).findFirst().orElseThrow().color();
    }
}
