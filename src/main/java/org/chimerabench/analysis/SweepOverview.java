package org.chimerabench.analysis;

import java.util.List;
import org.chimerabench.sweep.SweepSummary;

/**
 * A sweep as listed, with its headline verdict (success rate) when it has measured configurations, and its
 * per-configuration throughput Δ % in ascending order (for a sparkline), and its verdict (null without
 * measured configurations; {@code provisional} while a configuration lacks a trial in an arm).
 */
public record SweepOverview(SweepSummary sweep, int measuredConfigurations, int improvedConfigurations,
                            Double successRatePct, List<Double> sortedDeltaPct, Verdict verdict,
                            boolean provisional) {
}
