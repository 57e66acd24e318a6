package org.chimerabench.execution;

/** The two arms of a configuration: Ollama's defaults (or a custom baseline), and the tuned options. */
public enum Arm {
    BASELINE("Baseline"), CHIMERA("Chimera");

    private final String label;

    Arm(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
