package org.chimerabench.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A webhook: where the team's notices are POSTed, signed with its secret. */
@Entity
@Table(name = "hook")
class Hook {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private boolean chat;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected Hook() {
    }

    Hook(String url, String secret, Set<NoticeKind> events, boolean chat, String createdBy) {
        this.url = url;
        this.secret = secret;
        this.events = events.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        this.chat = chat;
        this.createdBy = createdBy;
    }

    Long getId() {
        return id;
    }

    String getUrl() {
        return url;
    }

    String getSecret() {
        return secret;
    }

    Set<NoticeKind> getEvents() {
        Set<NoticeKind> kinds = EnumSet.noneOf(NoticeKind.class);
        Arrays.stream(events.split(",")).filter(s -> !s.isBlank()).map(NoticeKind::valueOf).forEach(kinds::add);
        return kinds;
    }

    boolean isChat() {
        return chat;
    }

    String getCreatedBy() {
        return createdBy;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
