package org.chimerabench.sweep;

import java.util.Collection;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the sweep feature needs to know of the calls execution stored (execution owns them and implements this;
 * the sweep feature never reads execution's tables): counts for a sweep's progress, and an endpoint's recent
 * pace for the editor's ETA.
 */
public interface StoredCalls {

    /** Calls stored per sweep id (sweeps without calls are absent). */
    Map<Long, Long> countsBySweep();

    /** Calls stored per sweep id, for the given sweeps only (those without calls are absent). */
    Map<Long, Long> countsBySweep(Collection<Long> sweepIds);

    /** Calls stored for one sweep. */
    long count(long sweepId);

    /** Mean seconds per call over the endpoint's recent successful calls in any sweep; empty when it has none. */
    OptionalDouble recentSecondsPerCall(String endpointName);

    /** Mean seconds of the endpoint's recent model loads (calls that paid one, any sweep); empty when it has none. */
    OptionalDouble recentLoadSeconds(String endpointName);
}
