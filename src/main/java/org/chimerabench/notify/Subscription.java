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

/** A user's wish to get one kind of notice by e-mail. */
@Entity
@Table(name = "subscription")
class Subscription {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NoticeKind event;

    @Column(nullable = false)
    private String email;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected Subscription() {
    }

    Subscription(String username, NoticeKind event, String email) {
        this.username = username;
        this.event = event;
        this.email = email;
    }

    String getUsername() {
        return username;
    }

    NoticeKind getEvent() {
        return event;
    }

    String getEmail() {
        return email;
    }
}
