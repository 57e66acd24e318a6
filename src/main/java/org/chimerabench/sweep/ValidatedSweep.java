package org.chimerabench.sweep;

import java.util.List;
import java.util.Map;

/** A sweep definition that passed every check, with defaults applied and axes expanded to value lists. */
record ValidatedSweep(String name, String description, List<Long> endpointIds, boolean simulated, String model,
                      WorkloadType workload, String prompt, Map<String, List<Object>> axes,
                      Map<String, Object> fixedOptions, Map<String, Object> baselineOptions, int repetitions,
                      int warmups, boolean coldStart, String order, Long shuffleSeed, boolean promptVariation,
                      Integer maxTokens, SweepDefinition.Timeouts timeouts, int configurations, long totalCalls) {
}
