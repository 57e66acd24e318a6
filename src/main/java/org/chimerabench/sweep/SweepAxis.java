package org.chimerabench.sweep;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.List;
import org.chimerabench.base.OptionsJson;

/** One Ollama option and the values it takes in a sweep. */
@Entity
@Table(name = "sweep_axis")
public class SweepAxis {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "sweep_id")
    private Sweep sweep;

    @Column(nullable = false)
    private int position;

    @Column(name = "option_name", nullable = false)
    private String optionName;

    @Column(name = "axis_values", nullable = false)
    private String axisValues;

    protected SweepAxis() {
    }

    SweepAxis(Sweep sweep, int position, String optionName, List<Object> values) {
        this.sweep = sweep;
        this.position = position;
        this.optionName = optionName;
        this.axisValues = OptionsJson.writeList(values);
    }

    public Long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public String getOptionName() {
        return optionName;
    }

    public List<Object> getValues() {
        return OptionsJson.readList(axisValues);
    }

    void setValues(List<Object> values) {
        this.axisValues = OptionsJson.writeList(values);
    }
}
