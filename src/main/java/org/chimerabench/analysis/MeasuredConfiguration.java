package org.chimerabench.analysis;

import java.util.Map;

/**
 * The stored measures of one configuration, one value per non-warm-up trial and arm (the mean of the
 * trial's OK calls). Input of {@link SweepAnalyzer}.
 *
 * @param sizeVramBytes mean {@code size_vram} of the CHIMERA calls from {@code /api/ps}, or null when not measured
 */
public record MeasuredConfiguration(long id, Map<String, Object> options,
                                    double[] baselineTokPerSec, double[] chimeraTokPerSec,
                                    double[] baselineTtftMs, double[] chimeraTtftMs,
                                    Double sizeVramBytes) {

    boolean complete() {
        return baselineTokPerSec.length > 0 && chimeraTokPerSec.length > 0;
    }
}
