package org.chimerabench.sweep;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.Map;

/**
 * What an operator asks for (REST {@code POST /api/sweeps}; the editor builds the same). Axis values are a list,
 * or a range object {@code {"min":…,"max":…,"step":…}}. {@code maxTokens} is sent as {@code num_predict} to both
 * arms. Absent fields take the defaults of {@link SweepService#DEFAULT_FIXED_OPTIONS} and the documented values.
 */
@Schema(description = "A sweep definition. Unknown fields are rejected; every wrong field is reported at once.")
public record SweepDefinition(
        @Schema(description = "Name, at most 200 characters", example = "GPU offload sweep",
                requiredMode = Schema.RequiredMode.REQUIRED) String name,
        @Schema(description = "Free text, at most 4000 characters") String description,
        @Schema(description = "Endpoint names; several = a fleet (configurations split across them, run in parallel)",
                example = "[\"Built-in simulator\"]", requiredMode = Schema.RequiredMode.REQUIRED) List<String> endpoints,
        @Schema(description = "Model name as /api/tags lists it, installed on every endpoint",
                example = "llama3.2-sim:3b", requiredMode = Schema.RequiredMode.REQUIRED) String model,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Workload workload,
        @Schema(description = "Ollama option → a list of values or {\"min\",\"max\",\"step\"}; the grid is their"
                + " cartesian product (at most 100,000 configurations). Options: num_gpu, num_ctx, num_batch,"
                + " num_thread, temperature, top_p, top_k, repeat_penalty, num_predict, seed, …",
                example = "{\"num_gpu\":[60,80],\"num_ctx\":{\"min\":256,\"max\":1024,\"step\":256}}",
                requiredMode = Schema.RequiredMode.REQUIRED) Map<String, Object> axes,
        @Schema(description = "Sent with every CHIMERA call besides the axes; default top_p 0.9, top_k 40,"
                + " repeat_penalty 1.1", example = "{\"top_p\":0.9,\"top_k\":40,\"repeat_penalty\":1.1}")
        Map<String, Object> fixedOptions,
        @Schema(description = "Options of the BASELINE arm; absent or empty = Ollama defaults (no options sent)")
        Map<String, Object> baselineOptions,
        @Schema(description = "Trials per arm and configuration, 1–1000; default 1", example = "2") Integer repetitions,
        @Schema(description = "Warm-up trials per configuration (stored, not analysed), 0–100; default 0",
                example = "1") Integer warmups,
        @Schema(description = "Unload the model before each configuration and wait until /api/ps no longer lists it")
        Boolean coldStart,
        @Schema(description = "AS_DEFINED (default) or SHUFFLED", allowableValues = {"AS_DEFINED", "SHUFFLED"})
        String order,
        @Schema(description = "Seed of a SHUFFLED order; absent = a new one, stored with the sweep") Long shuffleSeed,
        @Schema(description = "Prefix each trial's prompt with its run id, so the prompt cache cannot help")
        Boolean promptVariation,
        @Schema(description = "Cap on generated tokens, sent as num_predict to both arms, 1–100000", example = "64")
        Integer maxTokens,
        Timeouts timeouts,
        @Schema(description = "Must be true when the sweep makes more calls than chimera.sweeps.confirm-above"
                + " (default 5000)") Boolean confirmLarge,
        @Schema(description = "Race instead of a fixed count: repetitions until each configuration is decided"
                + " (leave repetitions out)") Adaptive adaptive,
        @Schema(description = "Calls in flight at once against the endpoint, 1–64; a repetition is one batch of this"
                + " many trials per arm, started together; default 1 (one at a time). May be an axis instead")
        Integer concurrency,
        @Schema(description = "Instead of concurrency: requests per second (0.01–100) with seeded Poisson arrivals,"
                + " 8 requests per batch, at most 16 in flight. May be an axis instead") Double requestRate) {

    /** A sweep without a load setting (one call at a time, or the load as an axis). */
    public SweepDefinition(String name, String description, List<String> endpoints, String model, Workload workload,
                           Map<String, Object> axes, Map<String, Object> fixedOptions,
                           Map<String, Object> baselineOptions, Integer repetitions, Integer warmups,
                           Boolean coldStart, String order, Long shuffleSeed, Boolean promptVariation,
                           Integer maxTokens, Timeouts timeouts, Boolean confirmLarge, Adaptive adaptive) {
        this(name, description, endpoints, model, workload, axes, fixedOptions, baselineOptions, repetitions, warmups,
                coldStart, order, shuffleSeed, promptVariation, maxTokens, timeouts, confirmLarge, adaptive, null,
                null);
    }

    /** A fixed sweep (no race). */
    public SweepDefinition(String name, String description, List<String> endpoints, String model, Workload workload,
                           Map<String, Object> axes, Map<String, Object> fixedOptions,
                           Map<String, Object> baselineOptions, Integer repetitions, Integer warmups,
                           Boolean coldStart, String order, Long shuffleSeed, Boolean promptVariation,
                           Integer maxTokens, Timeouts timeouts, Boolean confirmLarge) {
        this(name, description, endpoints, model, workload, axes, fixedOptions, baselineOptions, repetitions, warmups,
                coldStart, order, shuffleSeed, promptVariation, maxTokens, timeouts, confirmLarge, null, null, null);
    }

    /** A race: each round gives every active configuration one more paired repetition (docs/architecture.md §6.6). */
    @Schema(description = "Adaptive repetitions (a race). Absent fields take the defaults shown.")
    public record Adaptive(
            @Schema(allowableValues = {"CHIMERA_DECODE_TOK_PER_SEC", "THROUGHPUT_DELTA_PCT", "TTFT_MS"},
                    description = "What is optimised; default CHIMERA_DECODE_TOK_PER_SEC") String objective,
            @Schema(description = "Repetitions before a configuration is judged, 2–1000; default 2")
            Integer minRepetitions,
            @Schema(description = "Repetitions at most, minRepetitions–1000; default 10") Integer maxRepetitions,
            @Schema(description = "A configuration is precise when its CI half-width is at most this (% of its"
                    + " mean; points for THROUGHPUT_DELTA_PCT), above 0 and at most 100; default 0.5")
            Double targetCiHalfWidthPct,
            @Schema(description = "Drop configurations worse than the leader; default true") Boolean eliminate,
            @Schema(description = "Confidence of the intervals and of the elimination tests, within (0.5, 0.999);"
                    + " default 0.95") Double confidence) {
    }

    /** {@code SINGLE_PROMPT} with a prompt, or {@code AGENT_WORKFLOW} (analysis call, then report call). */
    @Schema(description = "SINGLE_PROMPT with a prompt, or AGENT_WORKFLOW: an analysis call over dataSummary, then"
            + " a report call whose prompt contains the analysis response (both stored with their stage)")
    public record Workload(
            @Schema(allowableValues = {"SINGLE_PROMPT", "AGENT_WORKFLOW"},
                    requiredMode = Schema.RequiredMode.REQUIRED) String type,
            @Schema(example = "Explain GPU offloading in 200 words.") String prompt,
            String dataSummary) {
    }

    /** Per-call limits in seconds; absent = the defaults. */
    @Schema(description = "Per-call limits in seconds, 1–86400 each; absent = the client's defaults")
    public record Timeouts(Integer connectSeconds, Integer firstTokenSeconds, Integer idleSeconds,
                           Integer totalSeconds) {
    }
}
