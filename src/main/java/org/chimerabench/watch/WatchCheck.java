package org.chimerabench.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One re-check of a watch (or one A/A check of its endpoint's noise); its calls are a sweep's. */
@Entity
@Table(name = "watch_check")
class WatchCheck {

    enum Kind { CHECK, AA }

    enum Status { RUNNING, DONE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "watch_id", nullable = false)
    private long watchId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind kind;

    @Column(name = "sweep_id")
    private Long sweepId;

    @Column(nullable = false)
    private String reason;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.RUNNING;

    @Enumerated(EnumType.STRING)
    private CheckOutcome outcome;

    /** JSON: {@link CheckResult}. */
    private String result;

    private String cause;

    @Column(name = "started_at", nullable = false)
    private OffsetDateTime startedAt = OffsetDateTime.now();

    private OffsetDateTime at;

    protected WatchCheck() {
    }

    WatchCheck(long watchId, Kind kind, String reason) {
        this.watchId = watchId;
        this.kind = kind;
        this.reason = reason.length() > 500 ? reason.substring(0, 500) : reason;
    }

    void started(long sweepId) {
        this.sweepId = sweepId;
    }

    void done(CheckOutcome outcome, String result, String cause) {
        this.status = Status.DONE;
        this.outcome = outcome;
        this.result = result;
        this.cause = cause == null || cause.length() <= 4000 ? cause : cause.substring(0, 4000);
        this.at = OffsetDateTime.now();
    }

    Long getId() {
        return id;
    }

    long getWatchId() {
        return watchId;
    }

    Kind getKind() {
        return kind;
    }

    Long getSweepId() {
        return sweepId;
    }

    String getReason() {
        return reason;
    }

    Status getStatus() {
        return status;
    }

    CheckOutcome getOutcome() {
        return outcome;
    }

    String getResult() {
        return result;
    }

    String getCause() {
        return cause;
    }

    OffsetDateTime getStartedAt() {
        return startedAt;
    }

    OffsetDateTime getAt() {
        return at;
    }
}
