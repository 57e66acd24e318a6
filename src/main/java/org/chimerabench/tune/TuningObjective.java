package org.chimerabench.tune;

/** What a tuning optimises; the names are pinned (other tools script against them). */
public enum TuningObjective {
    /** Highest decode tok/s. */
    THROUGHPUT("highest decode throughput"),
    /** Lowest time to first token. */
    TTFT("lowest time to first token"),
    /** Most concurrent streams whose TTFT p95 stays within the SLO. */
    GOODPUT("most concurrent streams within the TTFT target");

    private final String label;

    TuningObjective(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
