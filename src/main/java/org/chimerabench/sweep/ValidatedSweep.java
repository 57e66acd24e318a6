package org.chimerabench.sweep;

import java.util.List;
import java.util.Map;

/**
 * A sweep definition that passed every check, with defaults applied and axes expanded to value lists, in named
 * parts: what it is, where it runs, what each trial sends, the grid, and how it runs.
 */
record ValidatedSweep(Identity identity, Target target, Workload workload, Grid grid, RunPlan plan,
                      SweepDefinition.Timeouts timeouts) {

    record Identity(String name, String description) {
    }

    /** The endpoints (a fleet when more than one), whether all are simulated, and the model. */
    record Target(List<Long> endpointIds, boolean simulated, String model) {
    }

    /** What one trial runs; {@code text} is the prompt, or the agent workflow's data summary. */
    record Workload(WorkloadType type, String text) {
    }

    /**
     * The axes (value lists), the chimera arm's fixed options, the baseline's options, and the grid's size:
     * configurations, their batch sizes summed ({@link Load#batchSlots}), and the calls planned.
     */
    record Grid(Map<String, List<Object>> axes, Map<String, Object> fixedOptions,
                Map<String, Object> baselineOptions, int configurations, long batchSlots, long totalCalls) {
    }
}
