package org.chimerabench.watch;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A watched setting: (endpoint, model, options) with its reference measurements and its schedule. */
@Entity
@Table(name = "watch")
class Watch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String endpoint;

    @Column(nullable = false)
    private String model;

    /** JSON. */
    @Column(nullable = false)
    private String options;

    @Column(name = "baseline_options")
    private String baselineOptions;

    @Column(name = "source_sweep_id", nullable = false)
    private long sourceSweepId;

    @Column(name = "source_configuration_id", nullable = false)
    private long sourceConfigurationId;

    @Column(name = "tuning_id")
    private Long tuningId;

    @Column(nullable = false)
    private String workload;

    private String prompt;

    @Column(name = "max_tokens")
    private Integer maxTokens;

    @Column(nullable = false)
    private int repetitions;

    @Column(name = "margin_pct", nullable = false)
    private double marginPct;

    /** JSON: {@link WatchReference}. */
    @Column(nullable = false)
    private String reference;

    @Column(name = "reference_at", nullable = false)
    private OffsetDateTime referenceAt;

    @Column(nullable = false)
    private String cron;

    @Column(name = "last_event_id", nullable = false)
    private long lastEventId;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected Watch() {
    }

    Watch(String endpoint, String model, String options, String baselineOptions, long sourceSweepId,
          long sourceConfigurationId, Long tuningId, String workload, String prompt, Integer maxTokens,
          int repetitions, double marginPct, String reference, OffsetDateTime referenceAt, String cron,
          long lastEventId, String createdBy) {
        this.endpoint = endpoint;
        this.model = model;
        this.options = options;
        this.baselineOptions = baselineOptions;
        this.sourceSweepId = sourceSweepId;
        this.sourceConfigurationId = sourceConfigurationId;
        this.tuningId = tuningId;
        this.workload = workload;
        this.prompt = prompt;
        this.maxTokens = maxTokens;
        this.repetitions = repetitions;
        this.marginPct = marginPct;
        this.reference = reference;
        this.referenceAt = referenceAt;
        this.cron = cron;
        this.lastEventId = lastEventId;
        this.createdBy = createdBy;
    }

    void setLastEventId(long lastEventId) {
        this.lastEventId = lastEventId;
    }

    Long getId() {
        return id;
    }

    String getEndpoint() {
        return endpoint;
    }

    String getModel() {
        return model;
    }

    String getOptions() {
        return options;
    }

    String getBaselineOptions() {
        return baselineOptions;
    }

    long getSourceSweepId() {
        return sourceSweepId;
    }

    long getSourceConfigurationId() {
        return sourceConfigurationId;
    }

    Long getTuningId() {
        return tuningId;
    }

    String getWorkload() {
        return workload;
    }

    String getPrompt() {
        return prompt;
    }

    Integer getMaxTokens() {
        return maxTokens;
    }

    int getRepetitions() {
        return repetitions;
    }

    double getMarginPct() {
        return marginPct;
    }

    String getReference() {
        return reference;
    }

    OffsetDateTime getReferenceAt() {
        return referenceAt;
    }

    String getCron() {
        return cron;
    }

    long getLastEventId() {
        return lastEventId;
    }

    String getCreatedBy() {
        return createdBy;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }
}
