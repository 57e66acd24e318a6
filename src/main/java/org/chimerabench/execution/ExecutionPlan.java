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

    /**
     * One trial of the plan; {@code configuration} indexes the sweep's configurations, {@code slot} is its place in
     * its batch (the trials of one configuration, arm and repetition run together at the configuration's load).
     */
    public record Item(int configuration, Arm arm, int repetition, boolean warmup, int slot) {

        public Item(int configuration, Arm arm, int repetition, boolean warmup) {
            this(configuration, arm, repetition, warmup, 0);
        }
    }

    private ExecutionPlan() {
    }

    public static List<Item> of(int configurations, int repetitions, int warmups, Long shuffleSeed) {
        return of(Collections.nCopies(configurations, 1), repetitions, warmups, shuffleSeed);
    }

    /** The plan with each configuration's batch size (its load): a batch's trials follow each other, slot by slot. */
    public static List<Item> of(List<Integer> batchSizes, int repetitions, int warmups, Long shuffleSeed) {
        int configurations = batchSizes.size();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < configurations; i++) {
            order.add(i);
        }
        if (shuffleSeed != null) {
            Collections.shuffle(order, new Random(shuffleSeed));
        }
        List<Item> plan = new ArrayList<>();
        for (int configuration : order) {
            int size = batchSizes.get(configuration);
            for (int w = 1; w <= warmups; w++) {
                batch(plan, configuration, Arm.BASELINE, w, true, size);
                batch(plan, configuration, Arm.CHIMERA, w, true, size);
            }
            for (int r = 1; r <= repetitions; r++) {
                boolean baselineFirst = r % 2 == 1;
                batch(plan, configuration, baselineFirst ? Arm.BASELINE : Arm.CHIMERA, r, false, size);
                batch(plan, configuration, baselineFirst ? Arm.CHIMERA : Arm.BASELINE, r, false, size);
            }
        }
        return plan;
    }

    private static void batch(List<Item> plan, int configuration, Arm arm, int repetition, boolean warmup, int size) {
        for (int slot = 0; slot < size; slot++) {
            plan.add(new Item(configuration, arm, repetition, warmup, slot));
        }
    }
}
