package org.chimerabench.tune;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * What a user asks a tuning for ({@code POST /api/tunings}); the names are pinned, other tools script against them.
 * Absent optional parts take no constraint.
 */
@Schema(description = "A tuning: find the best options for a model on one endpoint. Every wrong field is reported at"
        + " once, and nothing is stored then.")
public record TuningRequest(
        @Schema(description = "Endpoint name", example = "Built-in simulator",
                requiredMode = Schema.RequiredMode.REQUIRED) String endpoint,
        @Schema(description = "Model name as /api/tags lists it", example = "qwen3-sim:8b",
                requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(allowableValues = {"THROUGHPUT", "TTFT", "GOODPUT"}, requiredMode = Schema.RequiredMode.REQUIRED,
                description = "THROUGHPUT: highest decode tok/s; TTFT: lowest time to first token; GOODPUT: most"
                        + " concurrent streams whose TTFT p95 stays within slo") String objective,
        @Schema(description = "GOODPUT only: the time-to-first-token target") Slo slo,
        @Schema(description = "Calls or minutes (one of them)", requiredMode = Schema.RequiredMode.REQUIRED)
        Budget budget,
        Constraints constraints) {

    /** The service-level objective of GOODPUT. */
    public record Slo(@Schema(description = "95th percentile of the time to first token, ms; 1–600000",
            example = "2000") Double ttftP95Ms) {
    }

    /** How much the tuning may spend: generate calls, or minutes of the endpoint's time. */
    public record Budget(@Schema(description = "Generate calls, 50–100000", example = "600") Integer calls,
                         @Schema(description = "Minutes, 1–1440", example = "30") Integer minutes) {
    }

    /** What the answer must respect. */
    public record Constraints(
            @Schema(description = "The context the answer must offer at least, tokens; 256–1048576", example = "8192")
            Integer minContext,
            @Schema(description = "The largest share of the model (size_vram / size in /api/ps, %) the answer may"
                    + " hold in GPU memory, leaving the rest of the card to other work; above 0, at most 100",
                    example = "80") Double maxVramPct) {
    }
}
