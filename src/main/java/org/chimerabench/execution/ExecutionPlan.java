package org.chimerabench.execution;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which a sweep's trials run (docs/architecture.md §4): configurations as defined or shuffled with a
 * recorded seed; per configuration its warm-ups (both arms), then the arms interleaved per repetition —
 * B C, C B, B C, … — so that drift over time cancels out between the arms.
 */
public final class ExecutionPlan {

    /** One trial of the plan; {@code configuration} indexes the sweep's configurations. */
    public record Item(int configuration, Arm arm, int repetition, boolean warmup) {
    }

    private ExecutionPlan() {
    }

    public static List<Item> of(int configurations, int repetitions, int warmups, Long shuffleSeed) {
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < configurations; i++) {
            order.add(i);
        }
        if (shuffleSeed != null) {
            Collections.shuffle(order, new Random(shuffleSeed));
        }
        List<Item> plan = new ArrayList<>();
        for (int configuration : order) {
            for (int w = 1; w <= warmups; w++) {
                plan.add(new Item(configuration, Arm.BASELINE, w, true));
                plan.add(new Item(configuration, Arm.CHIMERA, w, true));
            }
            for (int r = 1; r <= repetitions; r++) {
                boolean baselineFirst = r % 2 == 1;
                plan.add(new Item(configuration, baselineFirst ? Arm.BASELINE : Arm.CHIMERA, r, false));
                plan.add(new Item(configuration, baselineFirst ? Arm.CHIMERA : Arm.BASELINE, r, false));
            }
        }
        return plan;
    }
}
