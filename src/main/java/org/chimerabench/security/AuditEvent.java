package org.chimerabench.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.chimerabench.base.AuditAction;

/** One entry of the audit log. */
@Entity
@Table(name = "audit_event")
class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private OffsetDateTime at = OffsetDateTime.now();
    private String username;
    private String address;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;
    private String target;
    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(String username, String address, AuditAction action, String target, String detail) {
        this.username = username;
        this.address = address;
        this.action = action;
        this.target = cut(target, 200);
        this.detail = cut(detail, 1000);
    }

    private static String cut(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    AuditEntry view() {
        return new AuditEntry(id, at, username, address, action, action.label(), target, detail);
    }
}
