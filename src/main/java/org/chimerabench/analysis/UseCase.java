package org.chimerabench.analysis;

/** The four rows of the recommendation matrix, each with the rule that picks its configuration. */
public enum UseCase {
    MAX_THROUGHPUT("Highest throughput Δ % over all configurations (tie → higher chimera tok/s)."),
    BALANCED("Among improved configurations, the lowest sum of ranks by throughput Δ % and by TTFT reduction %"
            + " (rank 1 = best, ties share the average rank; tie → higher throughput Δ %)."),
    CONSISTENCY("Among improved configurations, the lowest chimera CV % of throughput across trials"
            + " (needs ≥ 2 trials per arm)."),
    RESOURCE_EFFICIENT("Among configurations with throughput Δ ≥ 0, the smallest measured VRAM (size_vram from"
            + " /api/ps); without VRAM measurements, the lowest num_gpu, then the lowest num_ctx, then the highest Δ.");

    private final String rule;

    UseCase(String rule) {
        this.rule = rule;
    }

    public String rule() {
        return rule;
    }
}
