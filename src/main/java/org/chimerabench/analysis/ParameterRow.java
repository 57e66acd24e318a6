package org.chimerabench.analysis;

import java.util.Map;

/** One value of one axis: how the configurations having that value fared. */
public record ParameterRow(String value, int configurations, int improved, double positiveRatePct,
                           double meanDeltaPct, Best best) {

    /** The configuration with the highest throughput Δ % among those with this value. */
    public record Best(long configurationId, Map<String, Object> options, double deltaPct) {
    }
}
