package org.chimerabench.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One notice on its way to one hook: tried until delivered, with growing pauses, then given up and listed. */
@Entity
@Table(name = "hook_delivery")
class HookDelivery {

    enum Status { PENDING, DELIVERED, GAVE_UP }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "hook_id", nullable = false)
    private long hookId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind event;

    @Column(nullable = false)
    private String body;

    @Column(nullable = false)
    private int attempts;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.PENDING;

    @Column(name = "last_status_code")
    private Integer lastStatusCode;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    @Column(name = "next_attempt_at")
    private OffsetDateTime nextAttemptAt = OffsetDateTime.now();

    @Column(name = "delivered_at")
    private OffsetDateTime deliveredAt;

    protected HookDelivery() {
    }

    HookDelivery(long hookId, NoticeKind event, String body) {
        this.hookId = hookId;
        this.event = event;
        this.body = body;
    }

    void delivered(int statusCode) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = null;
        status = Status.DELIVERED;
        deliveredAt = OffsetDateTime.now();
        nextAttemptAt = null;
    }

    /** A failed attempt: the next one after {@code pause}, or none once {@code maxAttempts} are used. */
    void failed(Integer statusCode, String error, java.time.Duration pause, int maxAttempts) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        if (attempts >= maxAttempts) {
            status = Status.GAVE_UP;
            nextAttemptAt = null;
        } else {
            nextAttemptAt = OffsetDateTime.now().plus(pause);
        }
    }

    Long getId() {
        return id;
    }

    long getHookId() {
        return hookId;
    }

    NoticeKind getEvent() {
        return event;
    }

    String getBody() {
        return body;
    }

    int getAttempts() {
        return attempts;
    }

    Status getStatus() {
        return status;
    }

    Integer getLastStatusCode() {
        return lastStatusCode;
    }

    String getLastError() {
        return lastError;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getNextAttemptAt() {
        return nextAttemptAt;
    }

    OffsetDateTime getDeliveredAt() {
        return deliveredAt;
    }
}
