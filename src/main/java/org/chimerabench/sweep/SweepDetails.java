package org.chimerabench.sweep;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * One sweep with its definition and captured environment (REST {@code GET /api/sweeps/{id}}). {@code host} and
 * {@code ollamaVersion}, {@code digest} and {@code quantization} are read from the environment captured at start;
 * null for imported sweeps. {@code endpoints}: the names of the endpoints it runs on (several = a fleet).
 * {@code plannedLoads}: the model loads its plan costs (§4.2; null for imported sweeps).
 */
public record SweepDetails(long id, String name, String label, String description, SweepStatus status,
                           String statusMessage, String model, Long endpointId, boolean imported, String sourceFile,
                           boolean simulated, OffsetDateTime createdAt, OffsetDateTime startedAt,
                           OffsetDateTime finishedAt, SweepSummary.Progress progress, Definition definition,
                           @JsonRawValue String environment, String host, String ollamaVersion, String digest,
                           String quantization, List<String> endpoints, double equivalenceMarginPct,
                           String runner, PlannedLoads plannedLoads) {

    /**
     * The same sweep as a stranger holding a share link sees it (docs/architecture.md §9): without the
     * infrastructure — no endpoint URL ({@code host}), no app instance ({@code runner}), no captured environment.
     */
    public SweepDetails withoutInfrastructure() {
        return new SweepDetails(id, name, label, description, status, statusMessage, model, null, imported, sourceFile,
                simulated, createdAt, startedAt, finishedAt, progress, definition, null, null, ollamaVersion, digest,
                quantization, endpoints, equivalenceMarginPct, null, plannedLoads);
    }

    /** What was (or will be) measured. {@code baselineOptions} empty = Ollama defaults, no options sent. */
    public record Definition(WorkloadType workload, List<AxisDefinition> axes, Map<String, Object> fixedOptions,
                             Map<String, Object> baselineOptions, int repetitions, int warmupTrials,
                             boolean coldStart, RunOrder order, Long shuffleSeed, int configurations,
                             RacePlan adaptive, Load load) {

        /** True when some configuration runs more than one call at a time (a load field or axis). */
        public boolean underLoad() {
            return !load.equals(Load.ONE_AT_A_TIME)
                    || axes.stream().anyMatch(axis -> OllamaOption.isLoad(axis.option()));
        }
    }

    public record AxisDefinition(String option, List<Object> values) {
    }
}
