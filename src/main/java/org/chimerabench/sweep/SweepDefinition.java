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
                + " (default 5000)") Boolean confirmLarge) {

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
