package org.chimerabench.endpoint;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One change seen on an endpoint (docs/architecture.md §4.4): its version, a model's digest, settings, placement. */
@Entity
@Table(name = "endpoint_event")
class EndpointEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "endpoint_id", nullable = false)
    private long endpointId;

    private String model;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EndpointEventKind kind;

    @Column(name = "before_value")
    private String before;

    @Column(name = "after_value")
    private String after;

    @Column(nullable = false)
    private OffsetDateTime at;

    protected EndpointEvent() {
    }

    EndpointEvent(long endpointId, String model, EndpointEventKind kind, String before, String after,
                  OffsetDateTime at) {
        this.endpointId = endpointId;
        this.model = model;
        this.kind = kind;
        this.before = before;
        this.after = after;
        this.at = at;
    }

    Long getId() {
        return id;
    }

    long getEndpointId() {
        return endpointId;
    }

    String getModel() {
        return model;
    }

    EndpointEventKind getKind() {
        return kind;
    }

    String getBefore() {
        return before;
    }

    String getAfter() {
        return after;
    }

    OffsetDateTime getAt() {
        return at;
    }
}
