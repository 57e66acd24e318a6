package org.chimerabench.execution;

import java.util.Map;

/**
 * One stored call as exported by {@code GET /api/sweeps/{id}/calls} (names fixed by docs/architecture.md §7 and §5):
 * its configuration's axis values, arm, repetition, stage, warm-up flag, status, error, endpoint and every
 * measured field; its place in its batch ({@code slot}), the load it ran under ({@code concurrency} or
 * {@code requestRate}; null for calls from before loads existed) and {@code queueMs} (§5); why it paid a model load
 * ({@code reloadReason}, null = warm), why it was disturbed ({@code disturbance}) and the context length /api/ps
 * reported ({@code contextLength}) — §4.2. Missing measures are null.
 */
public record CallExport(long id, long configurationId, Map<String, Object> options, Arm arm, int repetition,
                         Stage stage, boolean warmup, CallStatus status, String error, String endpoint,
                         String model, Double ttftMs, Double timeToHeadersMs, Double e2eMs, Double itlMeanMs,
                         Double itlP50Ms, Double itlP90Ms, Double itlP99Ms, Double tpotMs, Double decodeTokPerSec,
                         Double prefillTokPerSec, Double e2eTokPerSec, Double loadMs, Double promptEvalMs,
                         Double evalMs, Double totalMs, Boolean cold, Double gpuOffloadPct, Long sizeVramBytes,
                         String doneReason, Integer evalCount, Integer promptEvalCount, Integer responseChars,
                         int slot, Integer concurrency, Double requestRate, Double queueMs,
                         ReloadReason reloadReason, String disturbance, Integer contextLength) {
}
