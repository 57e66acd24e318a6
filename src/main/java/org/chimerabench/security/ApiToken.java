package org.chimerabench.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A personal API token: its owner, a name, and the SHA-256 of the token (the token itself is shown once). */
@Entity
@Table(name = "api_token")
class ApiToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private AppUser owner;

    @Column(nullable = false)
    private String name;
    @Column(name = "token_hash", nullable = false)
    private String tokenHash;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "last_used_at")
    private OffsetDateTime lastUsedAt;

    protected ApiToken() {
    }

    ApiToken(AppUser owner, String name, String tokenHash) {
        this.owner = owner;
        this.name = name;
        this.tokenHash = tokenHash;
    }

    Long getId() {
        return id;
    }

    AppUser getOwner() {
        return owner;
    }

    String getName() {
        return name;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    OffsetDateTime getLastUsedAt() {
        return lastUsedAt;
    }

    void used() {
        lastUsedAt = OffsetDateTime.now();
    }
}
