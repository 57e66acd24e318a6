package org.chimerabench.analysis;

/** The four rows of the recommendation matrix, each with the rule that picks its configuration. */
public enum UseCase {
    MAX_THROUGHPUT("Maximum throughput", "Highest throughput Δ % over all configurations (tie → higher chimera tok/s)."),
    BALANCED("Balanced", "Among improved configurations, the lowest sum of ranks by throughput Δ % and by TTFT reduction %"
            + " (rank 1 = best, ties share the average rank; tie → higher throughput Δ %)."),
    CONSISTENCY("Consistency", "Among improved configurations, the lowest chimera CV % of throughput across trials"
            + " (needs ≥ 2 trials per arm)."),
    RESOURCE_EFFICIENT("Resource-efficient", "Among configurations with throughput Δ ≥ 0, the smallest measured VRAM (size_vram from"
            + " /api/ps); without VRAM measurements, the lowest num_gpu, then the lowest num_ctx, then the highest Δ.");

    private final String label;
    private final String rule;

    UseCase(String label, String rule) {
        this.label = label;
        this.rule = rule;
    }

    /** The use case as a person reads it: "Maximum throughput". */
    public String label() {
        return label;
    }

    public String rule() {
        return rule;
    }
}
