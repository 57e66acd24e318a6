package org.chimerabench.execution;

/** A call either finished with {@code done:true} (OK) or failed; failed calls are excluded from statistics. */
public enum CallStatus {
    OK("ok"), FAILED("failed");

    private final String label;

    CallStatus(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
