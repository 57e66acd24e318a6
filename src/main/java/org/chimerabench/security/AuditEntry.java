package org.chimerabench.security;

import java.time.OffsetDateTime;
import org.chimerabench.base.AuditAction;

/** An audit log entry as the view and {@code GET /api/audit} show it. */
public record AuditEntry(long id, OffsetDateTime at, String username, String address, AuditAction action,
                         String what, String target, String detail) {
}
