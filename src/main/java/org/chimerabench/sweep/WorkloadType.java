package org.chimerabench.sweep;

/** What one trial runs: one prompt (1 call) or the seed's two-stage agent workflow (2 calls). */
public enum WorkloadType {
    SINGLE_PROMPT, AGENT_WORKFLOW, IMPORTED
}
