package org.chimerabench.sweep;

/**
 * How a sweep runs: trials per arm, warm-ups, cold starts, order (with its seed when shuffled), prompt variation
 * and the token cap sent as {@code num_predict}.
 */
public record RunPlan(int repetitions, int warmups, boolean coldStart, RunOrder order, Long shuffleSeed,
                      boolean promptVariation, Integer maxTokens) {
}
