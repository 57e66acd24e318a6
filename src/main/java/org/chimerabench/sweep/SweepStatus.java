package org.chimerabench.sweep;

/** Life cycle of a sweep. Imported sweeps are complete from the start. */
public enum SweepStatus {
    DRAFT, QUEUED, RUNNING, FINISHED, FAILED, CANCELLED, IMPORTED
}
