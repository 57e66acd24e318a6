package org.chimerabench.sweep;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads sweeps for lists, details and the REST API. */
@Service
public class SweepService {

    private static final ObjectMapper ENVIRONMENT = new ObjectMapper();

    private final SweepRepository sweeps;
    private final JdbcClient jdbc;

    SweepService(SweepRepository sweeps, JdbcClient jdbc) {
        this.sweeps = sweeps;
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public List<SweepSummary> list() {
        return sweeps.findAllByOrderByCreatedAtDescIdDesc().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public long count() {
        return sweeps.count();
    }

    @Transactional(readOnly = true)
    public Optional<SweepDetails> find(long id) {
        return sweeps.findById(id).map(sweep -> new SweepDetails(sweep.getId(), sweep.getName(), sweep.getLabel(),
                sweep.getDescription(), sweep.getStatus(), sweep.getStatusMessage(), sweep.getModel(),
                sweep.getEndpointId(), sweep.isImported(), sweep.getSourceFile(), sweep.isSimulated(),
                sweep.getCreatedAt(), sweep.getStartedAt(), sweep.getFinishedAt(), progress(sweep),
                definition(sweep), sweep.getEnvironment(), environmentValue(sweep, "host"),
                environmentValue(sweep, "ollamaVersion"), environmentValue(sweep, "digest"),
                environmentValue(sweep, "quantization")));
    }

    private static String environmentValue(Sweep sweep, String key) {
        if (sweep.getEnvironment() == null || sweep.getEnvironment().isBlank()) {
            return null;
        }
        try {
            JsonNode value = ENVIRONMENT.readTree(sweep.getEnvironment()).get(key);
            return value == null || value.isNull() ? null : value.asText();
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private SweepSummary summary(Sweep sweep) {
        return new SweepSummary(sweep.getId(), sweep.getName(), sweep.getLabel(), sweep.getStatus(), sweep.getModel(),
                sweep.isImported(), sweep.getSourceFile(), sweep.isSimulated(), sweep.getCreatedAt(),
                sweep.getConfigurations().size(), progress(sweep));
    }

    private static SweepDetails.Definition definition(Sweep sweep) {
        List<SweepDetails.AxisDefinition> axes = sweep.getAxes().stream()
                .map(axis -> new SweepDetails.AxisDefinition(axis.getOptionName(), axis.getValues())).toList();
        return new SweepDetails.Definition(sweep.getWorkloadType(), axes, sweep.getFixedOptions(),
                sweep.getBaselineOptions(), sweep.getRepetitions(), sweep.getWarmupTrials(), sweep.isColdStart(),
                sweep.getRunOrder(), sweep.getConfigurations().size());
    }

    private SweepSummary.Progress progress(Sweep sweep) {
        long done = jdbc.sql("SELECT COUNT(*) FROM call_record WHERE sweep_id = ?").param(sweep.getId())
                .query(Long.class).single();
        int callsPerTrial = sweep.getWorkloadType() == WorkloadType.AGENT_WORKFLOW ? 2 : 1;
        long planned = (long) sweep.getConfigurations().size() * 2
                * (sweep.getRepetitions() + sweep.getWarmupTrials()) * callsPerTrial;
        return new SweepSummary.Progress(done, sweep.isImported() ? done : Math.max(planned, done));
    }
}
