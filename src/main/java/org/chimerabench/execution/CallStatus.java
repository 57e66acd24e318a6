package org.chimerabench.execution;

/** A call either finished with {@code done:true} (OK) or failed; failed calls are excluded from statistics. */
public enum CallStatus {
    OK, FAILED
}
