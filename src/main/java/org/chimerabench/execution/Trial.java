package org.chimerabench.execution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import org.chimerabench.sweep.Configuration;

/** One repetition of one arm of one configuration; runs the whole workload (1 or 2 calls). */
@Entity
@Table(name = "trial")
public class Trial {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "configuration_id")
    private Configuration configuration;

    /** The configuration's sweep (denormalized, so execution's queries need not join the sweep's tables). */
    @Column(name = "sweep_id", nullable = false)
    private Long sweepId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Arm arm;

    @Column(nullable = false)
    private int repetition;

    @Column(nullable = false)
    private boolean warmup;

    @Column(name = "plan_position")
    private Integer planPosition;

    /** Its place in its batch (configuration × arm × repetition at the configuration's load): 0 … size − 1. */
    @Column(nullable = false)
    private int slot;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TrialStatus status;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    /** The endpoint that runs this trial (fleet); null = the sweep's endpoint. */
    @Column(name = "endpoint_id")
    private Long endpointId;

    @Column(name = "finished_at")
    private OffsetDateTime finishedAt;

    protected Trial() {
    }

    /** A trial of the execution plan, not run yet. */
    public static Trial planned(Configuration configuration, Arm arm, int repetition, boolean warmup, int position,
                                Long endpointId) {
        return planned(configuration, arm, repetition, warmup, 0, position, endpointId);
    }

    /** A trial in slot {@code slot} of its batch. */
    public static Trial planned(Configuration configuration, Arm arm, int repetition, boolean warmup, int slot,
                                int position, Long endpointId) {
        Trial trial = new Trial();
        trial.slot = slot;
        trial.endpointId = endpointId;
        trial.configuration = configuration;
        trial.sweepId = configuration.getSweep().getId();
        trial.arm = arm;
        trial.repetition = repetition;
        trial.warmup = warmup;
        trial.planPosition = position;
        trial.status = TrialStatus.PENDING;
        return trial;
    }

    public void markRunning() {
        status = TrialStatus.RUNNING;
        startedAt = OffsetDateTime.now();
    }

    public void markFinished(boolean ok) {
        status = ok ? TrialStatus.DONE : TrialStatus.FAILED;
        finishedAt = OffsetDateTime.now();
    }

    /** True when {@code other} is in the same batch: same configuration, arm, repetition and warm-up flag. */
    boolean sameBatch(Trial other) {
        return configuration.getId().equals(other.configuration.getId()) && arm == other.arm
                && repetition == other.repetition && warmup == other.warmup;
    }

    public static Trial finished(Configuration configuration, Arm arm, int repetition) {
        Trial trial = new Trial();
        trial.configuration = configuration;
        trial.sweepId = configuration.getSweep().getId();
        trial.arm = arm;
        trial.repetition = repetition;
        trial.status = TrialStatus.DONE;
        return trial;
    }

    public Long getEndpointId() {
        return endpointId;
    }

    public Long getId() {
        return id;
    }

    public Configuration getConfiguration() {
        return configuration;
    }

    public Arm getArm() {
        return arm;
    }

    public int getRepetition() {
        return repetition;
    }

    public boolean isWarmup() {
        return warmup;
    }

    public TrialStatus getStatus() {
        return status;
    }
}
