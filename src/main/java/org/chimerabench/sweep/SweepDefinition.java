package org.chimerabench.sweep;

import java.util.List;
import java.util.Map;

/**
 * What an operator asks for (REST {@code POST /api/sweeps}; the editor builds the same). Axis values are a list,
 * or a range object {@code {"min":…,"max":…,"step":…}}. {@code maxTokens} is sent as {@code num_predict} to both
 * arms. Absent fields take the defaults of {@link SweepService#DEFAULT_FIXED_OPTIONS} and the documented values.
 */
public record SweepDefinition(String name, String description, List<String> endpoints, String model,
                              Workload workload, Map<String, Object> axes, Map<String, Object> fixedOptions,
                              Map<String, Object> baselineOptions, Integer repetitions, Integer warmups,
                              Boolean coldStart, String order, Long shuffleSeed, Boolean promptVariation,
                              Integer maxTokens, Timeouts timeouts, Boolean confirmLarge) {

    /** {@code SINGLE_PROMPT} with a prompt, or {@code AGENT_WORKFLOW} (analysis call, then report call). */
    public record Workload(String type, String prompt, String dataSummary) {
    }

    /** Per-call limits in seconds; absent = the defaults. */
    public record Timeouts(Integer connectSeconds, Integer firstTokenSeconds, Integer idleSeconds,
                           Integer totalSeconds) {
    }
}
