package org.chimerabench.execution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.chimerabench.execution.ExecutionPlan.Item;
import org.junit.jupiter.api.Test;

/** The order of a sweep's trials (docs/architecture.md §4). */
class ExecutionPlanTest {

    @Test
    void warmUpsFirstThenTheArmsInterleavedPerRepetition() {
        List<Item> plan = ExecutionPlan.of(2, 3, 1, null);
        assertThat(plan).containsExactly(
                new Item(0, Arm.BASELINE, 1, true), new Item(0, Arm.CHIMERA, 1, true),
                new Item(0, Arm.BASELINE, 1, false), new Item(0, Arm.CHIMERA, 1, false),
                new Item(0, Arm.CHIMERA, 2, false), new Item(0, Arm.BASELINE, 2, false),
                new Item(0, Arm.BASELINE, 3, false), new Item(0, Arm.CHIMERA, 3, false),
                new Item(1, Arm.BASELINE, 1, true), new Item(1, Arm.CHIMERA, 1, true),
                new Item(1, Arm.BASELINE, 1, false), new Item(1, Arm.CHIMERA, 1, false),
                new Item(1, Arm.CHIMERA, 2, false), new Item(1, Arm.BASELINE, 2, false),
                new Item(1, Arm.BASELINE, 3, false), new Item(1, Arm.CHIMERA, 3, false));
    }

    @Test
    void everyTrialOnceWhateverTheOrder() {
        List<Item> plan = ExecutionPlan.of(10, 4, 2, 99L);
        assertThat(plan).hasSize(10 * 2 * (4 + 2)).doesNotHaveDuplicates();
        assertThat(plan.stream().filter(Item::warmup)).hasSize(10 * 2 * 2);
    }

    @Test
    void aSeededShuffleIsReproducibleAndKeepsEachConfigurationTogether() {
        List<Item> first = ExecutionPlan.of(12, 2, 1, 42L);
        assertThat(ExecutionPlan.of(12, 2, 1, 42L)).as("same seed, same plan").isEqualTo(first);
        assertThat(ExecutionPlan.of(12, 2, 1, 43L)).as("another seed, another order").isNotEqualTo(first);
        List<Integer> order = first.stream().map(Item::configuration).distinct().toList();
        assertThat(order).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11)
                .isNotEqualTo(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11));
        for (int block = 0; block < 12; block++) {
            List<Item> trials = first.subList(block * 6, block * 6 + 6);
            assertThat(trials).as("a configuration's trials run together").extracting(Item::configuration)
                    .containsOnly(order.get(block));
            assertThat(trials.subList(0, 2)).as("its warm-ups first").allMatch(Item::warmup);
        }
    }

    @Test
    void noRepetitionsAndNoWarmUpsPlanNothing() {
        assertThat(ExecutionPlan.of(3, 0, 0, null)).isEmpty();
        assertThat(ExecutionPlan.of(0, 5, 1, 7L)).isEmpty();
    }
}
