package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.chimerabench.chart.ApexChart;
import org.chimerabench.execution.RaceHistory;
import org.chimerabench.stats.Race;
import org.chimerabench.sweep.RaceObjective;
import org.chimerabench.sweep.RacePlan;
import org.junit.jupiter.api.Test;

/** The race chart: each configuration's interval per round, the leader blue, eliminated ones grey where they stop. */
class RaceRoundsChartTest {

    final ObjectMapper json = new ObjectMapper();
    static final RacePlan PLAN = new RacePlan(RaceObjective.CHIMERA_DECODE_TOK_PER_SEC, 2, 10, 0.5, true, 0.95);

    static RaceHistory.Entry entry(long id, int n, double mean, double halfWidth, Race.Stop stop) {
        return new RaceHistory.Entry(id, n, mean, halfWidth, 100 * halfWidth / mean, stop);
    }

    /** 1 leads; 2 is eliminated at round 3; 3 runs on to round 4 and is exhausted there. */
    static RaceHistory history() {
        List<RaceHistory.Round> rounds = new ArrayList<>();
        rounds.add(new RaceHistory.Round(1, 1L, List.of(new RaceHistory.Entry(1, 1, 130.0, null, null, null),
                new RaceHistory.Entry(2, 1, 120.0, null, null, null),
                new RaceHistory.Entry(3, 1, 128.0, null, null, null))));
        rounds.add(new RaceHistory.Round(2, 1L, List.of(entry(1, 2, 131, 6, null), entry(2, 2, 121, 7, null),
                entry(3, 2, 128, 6, null))));
        rounds.add(new RaceHistory.Round(3, 1L, List.of(entry(1, 3, 131, 2, null),
                entry(2, 3, 121, 3, Race.Stop.ELIMINATED), entry(3, 3, 129, 2.5, null))));
        rounds.add(new RaceHistory.Round(4, 1L, List.of(entry(1, 4, 131.2, 1.2, Race.Stop.EXHAUSTED),
                entry(3, 4, 129.5, 1.5, Race.Stop.EXHAUSTED))));
        return new RaceHistory(PLAN, null, 3, 0, rounds);
    }

    @Test
    void everyConfigurationIsItsTwoBoundsUntilItStopped() throws Exception {
        JsonNode chart = json.readTree(new ApexChart(RaceRoundsChart.options(history(),
                Map.of(1L, Map.of("num_gpu", 28), 2L, Map.of("num_gpu", 4), 3L, Map.of("num_gpu", 20)), 1L,
                "tok/s")).optionsJson());
        JsonNode series = chart.get("series");
        assertThat(series).hasSize(6);
        assertThat(series.findValuesAsText("name")).containsExactly("num_gpu=28 (upper bound)",
                "num_gpu=28 (lower bound)", "num_gpu=20 (upper bound)", "num_gpu=20 (lower bound)",
                "num_gpu=4 (upper bound)", "num_gpu=4 (lower bound)");
        assertThat(series.get(0).get("data").toString()).as("from round 2 (one value has no interval)")
                .isEqualTo("[{\"x\":2,\"y\":137.0},{\"x\":3,\"y\":133.0},{\"x\":4,\"y\":132.4}]");
        assertThat(series.get(1).get("data").get(2).get("y").asDouble()).isEqualTo(130.0);
        assertThat(series.get(4).get("data")).as("the eliminated one ends at round 3").hasSize(2);
        assertThat(series.get(4).at("/data/1/x").asInt()).isEqualTo(3);
        List<String> colors = new ArrayList<>();
        chart.get("colors").forEach(c -> colors.add(c.asText()));
        assertThat(colors).containsExactly(RaceRoundsChart.LEADER, RaceRoundsChart.LEADER, RaceRoundsChart.CONTENDER,
                RaceRoundsChart.CONTENDER, RaceRoundsChart.ELIMINATED, RaceRoundsChart.ELIMINATED);
        assertThat(chart.at("/pointNames/4/1").asText()).isEqualTo("num_gpu=4 · round 3: 121.0 ± 3.0 tok/s"
                + " · eliminated");
        assertThat(chart.at("/xaxis/title/text").asText()).isEqualTo("round");
        assertThat(chart.at("/xaxis/min").asInt()).as("from the first round with an interval").isEqualTo(2);
        assertThat(chart.at("/xaxis/max").asInt()).isEqualTo(4);
        // the axis spans the means 121–131.2 with a margin, not round 2's ±7 intervals
        assertThat(chart.at("/yaxis/min").asDouble()).isBetween(115.0, 121.0);
        assertThat(chart.at("/yaxis/max").asDouble()).isBetween(131.2, 137.0);
        assertThat(chart.at("/markers/size").asInt()).as("a one-interval configuration still shows").isPositive();
    }
}
