package org.chimerabench.tune;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A tuning as stored: the request, its status, and where the search stands ({@link TuningState} as JSON). */
@Entity
@Table(name = "tuning")
public class Tuning {

    /** Where a tuning is; the names are what {@code GET /api/tunings/{id}} says as {@code status}. */
    public enum Status {
        QUEUED("Queued"), RUNNING("Running"), FINISHED("Finished"), FAILED("Failed"), CANCELLED("Cancelled");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public boolean active() {
            return this == QUEUED || this == RUNNING;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String endpoint;
    @Column(nullable = false)
    private String model;
    @Column(nullable = false)
    private String objective;
    @Column(nullable = false)
    private String request;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status = Status.QUEUED;
    private String message;
    @Column(nullable = false)
    private String state;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt = createdAt;

    protected Tuning() {
    }

    Tuning(String endpoint, String model, TuningObjective objective, String request, String state, String createdBy) {
        this.endpoint = endpoint;
        this.model = model;
        this.objective = objective.wireName();
        this.request = request;
        this.state = state;
        this.createdBy = createdBy;
    }

    void update(Status status, String message, String state) {
        this.status = status;
        this.message = message;
        this.state = state;
        this.updatedAt = OffsetDateTime.now();
    }

    public Long getId() {
        return id;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public String getModel() {
        return model;
    }

    public TuningObjective getObjective() {
        return TuningObjective.fromWire(objective).orElseThrow();
    }

    public String getRequest() {
        return request;
    }

    public Status getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }

    public String getState() {
        return state;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
