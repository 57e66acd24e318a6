package org.chimerabench.analysis;

/**
 * What the sweep says about one metric (docs/architecture.md §6.5): better or worse when the 95 % CI of the mean
 * per-configuration effect excludes 0; equivalent when the 90 % CI lies inside ±margin (two one-sided tests at
 * 5 %); inconclusive otherwise, and whenever the test is undefined. The whole verdict is invalid when the sweep did
 * not measure what it claims (an arm on two placements, the baseline not on Ollama's defaults: {@link Validity}).
 */
public enum Outcome {
    BETTER("Better"),
    WORSE("Worse"),
    EQUIVALENT("No practical difference"),
    INCONCLUSIVE("Inconclusive"),
    INVALID("Measurement invalid");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    /** The outcome as a person reads it. */
    public String label() {
        return label;
    }
}
