package org.chimerabench.sweep;

/**
 * How an adaptive sweep races (docs/architecture.md §6.6): one paired repetition per active configuration per
 * round; from {@code minRepetitions} on each is judged on the objective — eliminated when worse than the leader
 * at {@code confidence} (Holm-corrected Welch tests, when {@code eliminate}), precise when its CI half-width is
 * within {@code targetCiHalfWidthPct}, exhausted at {@code maxRepetitions}.
 */
public record RacePlan(RaceObjective objective, int minRepetitions, int maxRepetitions, double targetCiHalfWidthPct,
                       boolean eliminate, double confidence) {
}
