package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stages' candidates, on a space like qwen3-sim:8b's on an 8 GiB card, with a made-up edge of what loads. */
class StagePlannerTest {

    static final SearchSpace SPACE = new SearchSpace(List.of(
            new SearchSpace.Axis("num_gpu", List.of(23, 24, 25, 26, 27, 28, 29, 31, 33, 35, 37), ""),
            new SearchSpace.Axis("num_batch", List.of(128, 256, 512), ""),
            new SearchSpace.Axis("num_thread", List.of(4, 6, 8, 12, 16), "")), List.of());

    /** Loads up to 30 layers with num_batch 128, 29 with 256, 28 with 512 (the graph grows with the batch). */
    static final Feasibility.LoadProbe CARD = options -> {
        int edge = switch (((Number) options.get("num_batch")).intValue()) {
            case 128 -> 30;
            case 256 -> 29;
            default -> 28;
        };
        return ((Number) options.get("num_gpu")).intValue() <= edge ? Optional.empty()
                : Optional.of("cudaMalloc failed: out of memory");
    };

    @Test
    void theEdgeOfWhatLoadsIsFoundByBisectionAndEverythingAboveIsInfeasibleWithTheMessage() {
        Feasibility found = Feasibility.probe(SPACE, CARD);
        assertThat(found.edge(Map.of("num_batch", 128))).isEqualTo(29); // 30 is not a value of the axis
        assertThat(found.edge(Map.of("num_batch", 256))).isEqualTo(29);
        assertThat(found.edge(Map.of("num_batch", 512))).isEqualTo(28);
        assertThat(found.probeLoads()).as("⌈log2(11 + 1)⌉ = 4 loads per batch size at most").isLessThanOrEqualTo(12);
        assertThat(found.excluded()).extracting(Feasibility.Excluded::configurations).containsExactly(
                "num_gpu 31 and above · num_batch=128", "num_gpu 31 and above · num_batch=256",
                "num_gpu 29 and above · num_batch=512");
        assertThat(found.excluded()).allSatisfy(x -> assertThat(x.reason()).isEqualTo("cudaMalloc failed: out of"
                + " memory"));
        assertThat(found.feasible(Map.of("num_gpu", 29, "num_batch", 256, "num_thread", 4))).isTrue();
        assertThat(found.feasible(Map.of("num_gpu", 29, "num_batch", 512, "num_thread", 4))).isFalse();
    }

    @Test
    void theCoarseRaceSpreadsOverWhatLoadsOnly() {
        Feasibility found = Feasibility.probe(SPACE, CARD);
        List<Map<String, Object>> coarse = StagePlanner.coarse(SPACE, found);
        assertThat(coarse).hasSize(3 * 3 * 4).allSatisfy(c -> assertThat(found.feasible(c)).isTrue());
        assertThat(coarse).filteredOn(c -> c.get("num_batch").equals(512)).extracting(c -> c.get("num_gpu"))
                .containsOnly(23, 25, 26, 28);
        assertThat(coarse).extracting(c -> c.get("num_thread")).containsOnly(4, 8, 16);
        assertThat(coarse.get(0).keySet()).containsExactly("num_gpu", "num_batch", "num_thread");
    }

    @Test
    void theRefinementTriesEachNeighbourAndTradesBatchMemoryForALayer() {
        Feasibility found = Feasibility.probe(SPACE, CARD);
        Map<String, Object> leader = Map.of("num_gpu", 28, "num_batch", 512, "num_thread", 8);
        List<Map<String, Object>> candidates = StagePlanner.refinement(SPACE, leader, found);
        assertThat(candidates.get(0)).isEqualTo(leader);
        assertThat(candidates).contains(Map.of("num_gpu", 27, "num_batch", 512, "num_thread", 8),
                Map.of("num_gpu", 28, "num_batch", 256, "num_thread", 8),
                Map.of("num_gpu", 28, "num_batch", 512, "num_thread", 6),
                Map.of("num_gpu", 28, "num_batch", 512, "num_thread", 12),
                Map.of("num_gpu", 29, "num_batch", 256, "num_thread", 8)) // the trade: one more layer, smaller batch
                .doesNotContain(Map.of("num_gpu", 29, "num_batch", 512, "num_thread", 8)) // does not load
                .hasSize(6);
    }

    @Test
    void spreadKeepsBothEnds() {
        assertThat(StagePlanner.spread(List.of(4, 6, 8, 12, 16), 3)).containsExactly(4, 8, 16);
        assertThat(StagePlanner.spread(List.of(1, 2), 3)).containsExactly(1, 2);
        assertThat(StagePlanner.feasibleCount(SPACE, Feasibility.probe(SPACE, CARD)))
                .isEqualTo((7 * 5) + (7 * 5) + (6 * 5)); // num_gpu 23–29, 23–29, 23–28 × 5 thread counts
    }
}
