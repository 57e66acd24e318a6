package org.chimerabench.sweep;

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
import java.util.Map;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.stats.Race;

/** One point of a sweep's grid: a value for every axis. */
@Entity
@Table(name = "configuration")
public class Configuration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sweep_id")
    private Sweep sweep;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String options;

    /** Race only: why this configuration got no more repetitions (null while it runs, and in a fixed sweep). */
    @Enumerated(EnumType.STRING)
    @Column(name = "stop_reason")
    private Race.Stop stopReason;
    @Column(name = "stopped_at_round")
    private Integer stoppedAtRound;

    protected Configuration() {
    }

    Configuration(Sweep sweep, int position, Map<String, Object> options) {
        this.sweep = sweep;
        this.position = position;
        this.options = OptionsJson.write(options);
    }

    public Long getId() {
        return id;
    }

    public Sweep getSweep() {
        return sweep;
    }

    public int getPosition() {
        return position;
    }

    public Map<String, Object> getOptions() {
        return OptionsJson.read(options);
    }

    public Race.Stop getStopReason() {
        return stopReason;
    }

    public Integer getStoppedAtRound() {
        return stoppedAtRound;
    }

    /** Race only: the configuration gets no more repetitions after this round, for this reason. */
    void stop(Race.Stop reason, int round) {
        this.stopReason = reason;
        this.stoppedAtRound = round;
    }
}
