package org.chimerabench.security.api;

import java.util.List;
import org.chimerabench.base.AuditAction;
import org.chimerabench.security.AuditEntry;
import org.chimerabench.security.AuditLog;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/audit?user=&action=&limit=}: the audit log, newest first (administrators). */
@RestController
@RequestMapping("/api/audit")
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping
    List<AuditEntry> search(@RequestParam(required = false) String user,
                            @RequestParam(required = false) String action,
                            @RequestParam(defaultValue = "200") int limit) {
        return audit.search(user, action(action), limit);
    }

    private static AuditAction action(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "action must be one of "
                    + List.of(AuditAction.values()));
        }
    }
}
