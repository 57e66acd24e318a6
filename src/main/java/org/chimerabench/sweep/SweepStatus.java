package org.chimerabench.sweep;

import java.util.EnumSet;
import java.util.Set;

/**
 * Life cycle of a sweep: DRAFT → QUEUED → RUNNING → FINISHED, or FAILED / CANCELLED from QUEUED or RUNNING.
 * Imported sweeps are complete from the start and never change. The allowed moves are listed here, once;
 * {@link Sweep} refuses every other.
 */
public enum SweepStatus {
    DRAFT, QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, IMPORTED;

    /** Whether a sweep in this status may move to {@code next}. RUNNING → RUNNING is a resume after a restart. */
    public boolean canMoveTo(SweepStatus next) {
        return switch (this) {
            case DRAFT -> next == QUEUED;
            case QUEUED -> EnumSet.of(RUNNING, FAILED, CANCELLED).contains(next);
            case RUNNING -> EnumSet.of(RUNNING, FINISHED, FAILED, CANCELLED).contains(next);
            case FINISHED, FAILED, CANCELLED, IMPORTED -> false;
        };
    }

    /** Queued or running: the sweep can still change, and can be cancelled. */
    public boolean active() {
        return this == QUEUED || this == RUNNING;
    }

    /** The statuses a sweep ends in. */
    public static Set<SweepStatus> ends() {
        return EnumSet.of(FINISHED, FAILED, CANCELLED);
    }

    /** How a person reads the status: "draft", "queued", "running", "finished", "failed", "cancelled", "imported". */
    public String label() {
        return name().toLowerCase();
    }
}
