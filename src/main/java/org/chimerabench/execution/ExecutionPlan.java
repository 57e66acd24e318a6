package org.chimerabench.execution;

import java.util.Collections;
import java.util.List;
import org.chimerabench.sweep.RunOrder;
import org.chimerabench.sweep.TrialOrder;

/** The trials of a sweep in the order they run ({@link TrialOrder}), each with its arm. */
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

    /** Interleaved arms; configurations shuffled when a seed is given. */
    public static List<Item> of(List<Integer> batchSizes, int repetitions, int warmups, Long shuffleSeed) {
        return of(batchSizes, repetitions, warmups, shuffleSeed == null ? RunOrder.AS_DEFINED : RunOrder.SHUFFLED,
                shuffleSeed);
    }

    public static List<Item> of(List<Integer> batchSizes, int repetitions, int warmups, RunOrder order,
                                Long shuffleSeed) {
        return TrialOrder.of(batchSizes, repetitions, warmups, order, shuffleSeed).stream()
                .map(s -> new Item(s.configuration(), s.baseline() ? Arm.BASELINE : Arm.CHIMERA, s.repetition(),
                        s.warmup(), s.slot())).toList();
    }
}
