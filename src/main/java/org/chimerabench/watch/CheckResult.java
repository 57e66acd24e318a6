package org.chimerabench.watch;

/**
 * What a finished check found (stored as JSON, shown on the watch's page and by {@code GET /api/watches/{id}}): the
 * change of the watched options' decode tok/s against the reference with its intervals, the TTFT change, the gain
 * over Ollama's defaults in the same check, where the model sat in GPU memory, the change point of the series, and
 * the variance of the log change the judgement used.
 */
record CheckResult(Long sweepId, long referenceSweepId, Double deltaPct, Double ci95Low, Double ci95High,
                   Double ci90Low, Double ci90High, double marginPct, double driftPct, Double tokPerSec,
                   Double referenceTokPerSec, Double ttftDeltaPct, Double gainVsDefaultsPct, Double gpuSharePct,
                   Double referenceGpuSharePct, Long changeSinceCheckId, String ollamaVersion, String error,
                   Double logVariance, Double ttftCi95Low, Double ttftCi95High) {

    static CheckResult failed(Long sweepId, long referenceSweepId, double marginPct, String error) {
        return new CheckResult(sweepId, referenceSweepId, null, null, null, null, null, marginPct, 0, null, null, null,
                null, null, null, null, null, error, null, null, null);
    }

    /** The judgement again, for the series and the calibration (the variance of the log change as it was judged). */
    CheckJudge.Judgement judgement(CheckOutcome outcome) {
        return new CheckJudge.Judgement(outcome, deltaPct, ci95Low, ci95High, ci90Low, ci90High, logVariance);
    }
}
