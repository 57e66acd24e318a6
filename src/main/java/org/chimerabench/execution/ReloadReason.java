package org.chimerabench.execution;

/** Why a call paid a model load (docs/architecture.md §4.2). */
public enum ReloadReason {
    FIRST_LOAD("first load"),
    OPTIONS_CHANGED("a load-time option changed"),
    FORCED("forced: unloaded first so the arm runs on its own placement"),
    UNEXPECTED("not planned: evicted or reloaded by another client");

    private final String label;

    ReloadReason(String label) {
        this.label = label;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }
}
