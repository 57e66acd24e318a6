package org.chimerabench.sweep;

/** What one trial runs: one prompt (1 call) or the seed's two-stage agent workflow (2 calls). */
public enum WorkloadType {
    SINGLE_PROMPT, AGENT_WORKFLOW, IMPORTED;

    public int callsPerTrial() {
        return this == AGENT_WORKFLOW ? 2 : 1;
    }

    /** The calls a sweep plans: configurations × 2 arms × (repetitions + warm-ups) × calls per trial. */
    public long plannedCalls(long configurations, int repetitions, int warmups) {
        return configurations * 2 * (repetitions + warmups) * callsPerTrial();
    }
}
