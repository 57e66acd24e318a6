package org.chimerabench.analysis;

/** One value of one axis: how the configurations having that value fared. */
public record ParameterRow(String value, int configurations, int improved, double positiveRatePct,
                           double meanDeltaPct, Best best) {

    /** The configuration with the highest throughput Δ % among those with this value. */
    public record Best(long configurationId, java.util.Map<String, Object> options, double deltaPct) {
    }
}
