package org.chimerabench.sweep;

import java.time.OffsetDateTime;

/** A sweep as listed: what it is, where it came from, how far it got. */
public record SweepSummary(long id, String name, String label, SweepStatus status, String model, boolean imported,
                           String sourceFile, boolean simulated, OffsetDateTime createdAt, int configurations,
                           Progress progress) {

    /** Calls done (OK or failed) out of the calls planned. */
    public record Progress(long done, long total) {
    }
}
