package org.chimerabench.sweep;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The order in which a sweep's trials run (docs/architecture.md §4): configurations as defined or shuffled with a
 * recorded seed; per configuration its warm-ups (both arms), then the arms interleaved per repetition —
 * B C, C B, B C, … — so that drift over time cancels out between the arms; or, {@link RunOrder#BLOCKED}, every
 * repetition of the baseline, then every repetition of the tuned arm.
 */
public final class TrialOrder {

    /**
     * One trial: {@code configuration} indexes the sweep's configurations; {@code baseline} is the arm;
     * {@code slot} is its place in its batch (the trials of one configuration, arm and repetition run together).
     */
    public record Slot(int configuration, boolean baseline, int repetition, boolean warmup, int slot) {
    }

    private TrialOrder() {
    }

    /** The order with each configuration's batch size (its load); {@code order} null = as defined. */
    public static List<Slot> of(List<Integer> batchSizes, int repetitions, int warmups, RunOrder order,
                                Long shuffleSeed) {
        List<Integer> configurations = new ArrayList<>();
        for (int i = 0; i < batchSizes.size(); i++) {
            configurations.add(i);
        }
        if (order == RunOrder.SHUFFLED && shuffleSeed != null) {
            Collections.shuffle(configurations, new Random(shuffleSeed));
        }
        List<Slot> slots = new ArrayList<>();
        for (int configuration : configurations) {
            int size = batchSizes.get(configuration);
            for (int w = 1; w <= warmups; w++) {
                batch(slots, configuration, true, w, true, size);
                batch(slots, configuration, false, w, true, size);
            }
            if (order == RunOrder.BLOCKED) {
                for (int r = 1; r <= repetitions; r++) {
                    batch(slots, configuration, true, r, false, size);
                }
                for (int r = 1; r <= repetitions; r++) {
                    batch(slots, configuration, false, r, false, size);
                }
                continue;
            }
            for (int r = 1; r <= repetitions; r++) {
                boolean baselineFirst = r % 2 == 1;
                batch(slots, configuration, baselineFirst, r, false, size);
                batch(slots, configuration, !baselineFirst, r, false, size);
            }
        }
        return slots;
    }

    private static void batch(List<Slot> slots, int configuration, boolean baseline, int repetition, boolean warmup,
                              int size) {
        for (int slot = 0; slot < size; slot++) {
            slots.add(new Slot(configuration, baseline, repetition, warmup, slot));
        }
    }
}
