package org.chimerabench.watch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointEventView;

/**
 * A watch as its page and {@code GET /api/watches/{id}} show it: what is watched, the reference, the latest outcome
 * in words, every check, the endpoint's noise as its A/A checks measured it, and the events of the endpoint and model.
 */
public record WatchReport(long id, String endpoint, String model, Map<String, Object> options, long sourceSweepId,
                          long sourceConfigurationId, Long tuningId, String cron, int repetitions, double marginPct,
                          double referenceTokPerSec, int referenceRepetitions, Double referenceGpuSharePct,
                          String referenceVersion, OffsetDateTime referenceAt, String headline, String outcome,
                          List<Check> checks, Noise noise, List<EndpointEventView> events, String createdBy,
                          OffsetDateTime createdAt) {

    /** One check, newest last; {@code kind} CHECK or AA (an A/A check), {@code status} RUNNING or DONE. */
    public record Check(long id, String kind, String status, String reason, OffsetDateTime startedAt,
                        OffsetDateTime at, String outcome, Double deltaPct, Double ci95Low, Double ci95High,
                        Double ttftDeltaPct, Double ttftCi95Low, Double ttftCi95High, Double gainVsDefaultsPct,
                        Double gpuSharePct, String cause,
                        Long sweepId, Long changeSinceCheckId, String ollamaVersion, String error) {
    }

    /** The endpoint's noise for this model: A/A checks run, false alarms among them, the smallest change detectable. */
    public record Noise(int aaChecks, int falseAlarms, Double falseAlarmPct, Double minimumDetectablePct,
                        double driftPct) {
    }
}
