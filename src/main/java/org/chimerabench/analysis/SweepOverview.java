package org.chimerabench.analysis;

import org.chimerabench.sweep.SweepSummary;

/** A sweep as listed, with its headline verdict (success rate) when it has measured configurations. */
public record SweepOverview(SweepSummary sweep, int measuredConfigurations, int improvedConfigurations,
                            Double successRatePct) {
}
