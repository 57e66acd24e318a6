package org.chimerabench.tune;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The refinement stage: the leader's neighbours one option at a time, and the edge of what loads by bisection. */
class RefinementTest {

    static final SearchSpace SPACE = new SearchSpace(List.of(
            new SearchSpace.Axis("num_gpu", List.of(23, 24, 25, 26, 27, 28, 29, 31), "why"),
            new SearchSpace.Axis("num_thread", List.of(4, 6, 8, 12, 16), "why")), List.of());

    @Test
    void neighboursMoveOneOptionOneStepEachWay() {
        assertThat(Refinement.neighbours(SPACE, Map.of("num_gpu", 26, "num_thread", 4))).containsExactly(
                Map.of("num_gpu", 25, "num_thread", 4), Map.of("num_gpu", 27, "num_thread", 4),
                Map.of("num_gpu", 26, "num_thread", 6)); // no thread count below 4
        assertThat(Refinement.neighbours(SPACE, Map.of("num_gpu", 31, "num_thread", 16))).containsExactly(
                Map.of("num_gpu", 29, "num_thread", 16), Map.of("num_gpu", 31, "num_thread", 12));
        assertThat(Refinement.neighbours(SPACE, Map.of("temperature", 0.7))).as("no searched option set").isEmpty();
    }

    @Test
    void bisectionFindsTheLargestPlacementThatLoadsWithFewProbes() {
        List<Integer> layers = IntStream.rangeClosed(0, 37).boxed().toList();
        for (int edge = -1; edge <= 37; edge++) {
            int limit = edge;
            List<Integer> asked = new ArrayList<>();
            Integer found = Refinement.largestThatLoads(layers, n -> {
                asked.add(n);
                return n <= limit;
            });
            assertThat(found).as("edge " + edge).isEqualTo(edge < 0 ? null : edge);
            assertThat(asked).as("at most ⌈log2(39)⌉ = 6 probe loads").hasSizeLessThanOrEqualTo(6);
        }
    }
}
