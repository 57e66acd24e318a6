package org.chimerabench.analysis;

import java.util.Map;

/**
 * The verdict for one configuration. Throughput Δ % = (mean_C − mean_B) / mean_B × 100; TTFT reduction % =
 * (mean_B − mean_C) / mean_B × 100 (positive = faster first token). CV % and the Welch p/q-values need at
 * least 2 trials per arm and are null otherwise.
 */
public record ConfigurationResult(long configurationId, Map<String, Object> options,
                                  double baselineTokPerSec, double chimeraTokPerSec, double deltaPct,
                                  Double baselineTtftMs, Double chimeraTtftMs, Double ttftReductionPct,
                                  int baselineTrials, int chimeraTrials,
                                  Double baselineCvPct, Double chimeraCvPct,
                                  Double baselineTtftCvPct, Double chimeraTtftCvPct,
                                  Double pValue, Double qValue, boolean improved, Boolean significantlyImproved,
                                  Double sizeVramBytes) {

    ConfigurationResult withQValue(Double q) {
        Boolean significant = q == null ? null : improved && q < 0.05;
        return new ConfigurationResult(configurationId, options, baselineTokPerSec, chimeraTokPerSec, deltaPct,
                baselineTtftMs, chimeraTtftMs, ttftReductionPct, baselineTrials, chimeraTrials, baselineCvPct,
                chimeraCvPct, baselineTtftCvPct, chimeraTtftCvPct, pValue, q, improved, significant, sizeVramBytes);
    }

    /** TTFT reduction for ranking; a configuration without TTFT ranks last. */
    double ttftReductionOrWorst() {
        return ttftReductionPct == null ? Double.NEGATIVE_INFINITY : ttftReductionPct;
    }
}
