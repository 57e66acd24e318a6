package org.chimerabench.sweep;

/**
 * How a sweep runs: trials per arm (for a race: at most this many), warm-ups, cold starts, order (with its seed
 * when shuffled), prompt variation, the token cap sent as {@code num_predict}, the race (null = a fixed sweep), and
 * the sweep's load (configurations with a load axis have their own).
 */
public record RunPlan(int repetitions, int warmups, boolean coldStart, RunOrder order, Long shuffleSeed,
                      boolean promptVariation, Integer maxTokens, RacePlan race, Load load) {

    public RunPlan(int repetitions, int warmups, boolean coldStart, RunOrder order, Long shuffleSeed,
                   boolean promptVariation, Integer maxTokens, RacePlan race) {
        this(repetitions, warmups, coldStart, order, shuffleSeed, promptVariation, maxTokens, race,
                Load.ONE_AT_A_TIME);
    }

    public RunPlan(int repetitions, int warmups, boolean coldStart, RunOrder order, Long shuffleSeed,
                   boolean promptVariation, Integer maxTokens) {
        this(repetitions, warmups, coldStart, order, shuffleSeed, promptVariation, maxTokens, null);
    }
}
