package org.chimerabench.sweep;

/**
 * Queues a stored DRAFT sweep to run. Execution implements it; the editor's "Create and start" uses it, so the
 * sweep feature does not depend on execution.
 */
public interface SweepStarter {

    /**
     * @throws SweepStateException when the sweep is not a DRAFT
     * @throws java.util.NoSuchElementException when there is no such sweep
     */
    void start(long sweepId);
}
