package org.chimerabench.execution;

import java.time.OffsetDateTime;

/** One stored call as listed under a configuration: the raw numbers behind its figures. */
public record CallRow(long callId, long trialId, Arm arm, int repetition, boolean warmup, Stage stage,
                      CallStatus status, String error, OffsetDateTime startedAt, Double ttftMs, Double e2eMs,
                      Double decodeTokPerSec, Integer evalCount, Integer promptEvalCount, Double loadMs,
                      Double promptEvalMs, Double evalMs, Double totalMs, Boolean cold, Double gpuOffloadPct) {
}
