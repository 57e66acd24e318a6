package org.chimerabench.base;



/**
 * Where the features record who changed what (the security feature keeps the log: who, when, from which
 * address). Recorded in the caller's transaction: a change that fails leaves no entry.
 */
public interface AuditTrail {

    /** @param target what was changed, e.g. "sweep 12"; {@code detail} a few words more, or null */
    void record(AuditAction action, String target, String detail);
}
