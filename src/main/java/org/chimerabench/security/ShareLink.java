package org.chimerabench.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A read-only link to one sweep's results ({@code sweepB} null) or to a comparison of two sweeps. */
@Entity
@Table(name = "share_link")
class ShareLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "sweep_a", nullable = false)
    private Long sweepA;
    @Column(name = "sweep_b")
    private Long sweepB;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "expires_at")
    private OffsetDateTime expiresAt;

    protected ShareLink() {
    }

    ShareLink(String tokenHash, long sweepA, Long sweepB, String createdBy, OffsetDateTime expiresAt) {
        this.tokenHash = tokenHash;
        this.sweepA = sweepA;
        this.sweepB = sweepB;
        this.createdBy = createdBy;
        this.expiresAt = expiresAt;
    }

    Long getId() {
        return id;
    }

    long getSweepA() {
        return sweepA;
    }

    Long getSweepB() {
        return sweepB;
    }

    String getCreatedBy() {
        return createdBy;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getExpiresAt() {
        return expiresAt;
    }

    boolean expired(OffsetDateTime now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }
}
