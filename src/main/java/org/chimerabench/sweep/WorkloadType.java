package org.chimerabench.sweep;

import java.util.Arrays;
import java.util.Optional;

/** What one trial runs: one prompt (1 call) or the seed's two-stage agent workflow (2 calls). */
public enum WorkloadType {
    SINGLE_PROMPT("Single prompt"), AGENT_WORKFLOW("Agent workflow (analysis call, then report call)"),
    IMPORTED("Imported results");

    private final String label;

    WorkloadType(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }

    /** The workload a definition names ({@code "SINGLE_PROMPT"} or {@code "AGENT_WORKFLOW"}); empty otherwise. */
    public static Optional<WorkloadType> named(String name) {
        return name == null || name.equals(IMPORTED.name()) ? Optional.empty()
                : Arrays.stream(values()).filter(type -> type.name().equals(name)).findFirst();
    }

    public int callsPerTrial() {
        return this == AGENT_WORKFLOW ? 2 : 1;
    }

    /** The calls a sweep plans: configurations × 2 arms × (repetitions + warm-ups) × calls per trial. */
    public long plannedCalls(long configurations, int repetitions, int warmups) {
        return configurations * 2 * (repetitions + warmups) * callsPerTrial();
    }
}
