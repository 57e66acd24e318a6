package org.chimerabench.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.chimerabench.chart.ChartOptions.Axis;
import org.chimerabench.chart.ChartOptions.Chart;
import org.chimerabench.chart.ChartOptions.Point;
import org.chimerabench.chart.ChartOptions.Series;
import org.junit.jupiter.api.Test;

/** The JSON handed to ApexCharts: its option names and shapes, nulls left out. */
class ChartOptionsTest {

    final ObjectMapper json = new ObjectMapper();

    @Test
    void barChartWithColouredPoints() throws Exception {
        ChartOptions options = ChartOptions.of(Chart.of(ChartType.BAR, 300),
                        List.of(Series.of("Δ %", List.of(new Point("60/256", -0.2, "red"), Point.of("80/256", 0.5)))))
                .withXaxis(Axis.categories(null, "configuration"))
                .withValueFormat(3, " %");
        JsonNode root = json.readTree(new ApexChart(options).optionsJson());

        assertThat(root.at("/chart/type").asText()).isEqualTo("bar");
        assertThat(root.at("/chart/height").asInt()).isEqualTo(300);
        assertThat(root.at("/chart/toolbar/show").asBoolean()).isFalse();
        assertThat(root.at("/chart/foreColor").asText()).isEqualTo("var(--lumo-secondary-text-color)");
        assertThat(root.at("/series/0/name").asText()).isEqualTo("Δ %");
        assertThat(root.at("/series/0/data/0").toString()).isEqualTo("{\"x\":\"60/256\",\"y\":-0.2,\"fillColor\":\"red\"}");
        assertThat(root.at("/series/0/data/1").toString()).isEqualTo("{\"x\":\"80/256\",\"y\":0.5}");
        assertThat(root.at("/xaxis/type").asText()).isEqualTo("category");
        assertThat(root.at("/xaxis/title/text").asText()).isEqualTo("configuration");
        assertThat(root.at("/dataLabels/enabled").asBoolean()).isFalse();
        assertThat(root.at("/valueDecimals").asInt()).isEqualTo(3);
        assertThat(root.has("yaxis")).as("nulls are left out").isFalse();
        assertThat(root.has("plotOptions")).isFalse();
    }

    @Test
    void boxPlotAndHeatmapShapes() throws Exception {
        ChartOptions box = ChartOptions.of(Chart.of(ChartType.BOX_PLOT, 200),
                List.of(new Series("Throughput", "boxPlot", List.of(Point.of("Baseline", List.of(1, 2, 3, 4, 5))))));
        JsonNode boxJson = json.readTree(new ApexChart(box).optionsJson());
        assertThat(boxJson.at("/chart/type").asText()).isEqualTo("boxPlot");
        assertThat(boxJson.at("/series/0/type").asText()).isEqualTo("boxPlot");
        assertThat(boxJson.at("/series/0/data/0/y").toString()).isEqualTo("[1,2,3,4,5]");

        ChartOptions heat = ChartOptions.of(Chart.of(ChartType.HEATMAP, 200), List.of())
                .withPlotOptions(ChartOptions.PlotOptions.heatmap(new ChartOptions.Heatmap(false,
                        new ChartOptions.ColorScale(List.of(new ChartOptions.ColorRange(-1, 0, "red", "slower")))))) ;
        JsonNode heatJson = json.readTree(new ApexChart(heat).optionsJson());
        assertThat(heatJson.at("/plotOptions/heatmap/colorScale/ranges/0").toString())
                .isEqualTo("{\"from\":-1.0,\"to\":0.0,\"color\":\"red\",\"name\":\"slower\"}");
        assertThat(heatJson.at("/plotOptions/heatmap/enableShades").asBoolean()).isFalse();
    }

    @Test
    void sparklineHidesAxes() throws Exception {
        JsonNode root = json.readTree(new ApexChart(ChartOptions.of(Chart.sparkline(ChartType.BAR, 40), List.of()))
                .optionsJson());
        assertThat(root.at("/chart/sparkline/enabled").asBoolean()).isTrue();
        assertThat(root.at("/chart/height").asInt()).isEqualTo(40);
    }

    @Test
    void setOptionsReplacesTheOptionsOfTheSameComponent() throws Exception {
        ApexChart chart = new ApexChart(ChartOptions.of(Chart.of(ChartType.LINE, 100), List.of()));
        chart.setOptions(ChartOptions.of(Chart.of(ChartType.LINE, 100), List.of(Series.of("a", List.of(1, 2)))));
        assertThat(json.readTree(chart.optionsJson()).at("/series/0/data").toString()).isEqualTo("[1,2]");
    }
}
