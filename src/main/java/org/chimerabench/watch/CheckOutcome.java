package org.chimerabench.watch;

/** A check's outcome against the reference; the names are the REST API's. */
public enum CheckOutcome {
    UNCHANGED("unchanged"), REGRESSED("regressed"), IMPROVED("improved"), INCONCLUSIVE("inconclusive"),
    FAILED("failed");

    private final String label;

    CheckOutcome(String label) {
        this.label = label;
    }

    /** In words, for pages and messages. */
    public String label() {
        return label;
    }
}
