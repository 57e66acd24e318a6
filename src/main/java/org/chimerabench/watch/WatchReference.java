package org.chimerabench.watch;

/**
 * The reference a watch compares each check with: the watched configuration's measures in its source sweep (one
 * value per trial, §4.2), its share in GPU memory and the Ollama version it ran on.
 */
record WatchReference(long sweepId, double[] chimeraTokPerSec, double[] baselineTokPerSec, double[] chimeraTtftMs,
                      double[] baselineTtftMs, Double gpuSharePct, String ollamaVersion) {
}
