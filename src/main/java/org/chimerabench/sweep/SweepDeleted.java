package org.chimerabench.sweep;



/** A sweep and everything measured for it were deleted (features holding something of it let go of it). */
public record SweepDeleted(long sweepId) {
}
