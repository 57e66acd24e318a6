package org.chimerabench.analysis;

import java.util.List;
import java.util.Map;

/**
 * Two sweeps side by side (REST {@code GET /api/compare}; field names are the contract). Each metric is compared
 * over per-configuration values — one number per configuration: an arm mean or a Δ — with A − B signs;
 * {@code winners} says per metric in one sentence which sweep did better, by how much, and whether that is
 * beyond noise (Welch p &lt; 0.05), with Cohen's d as the effect size; {@code warnings} say why the two may not be
 * comparable (different models, one simulated).
 */
public record SweepComparison(Side a, Side b, List<String> warnings, Map<String, MetricComparison> metrics,
                              Map<String, String> winners, Pair successRatePct, Best bestA, Best bestB,
                              List<SharedConfiguration> sharedConfigurations, LeftOut leftOut) {

    /** One sweep; {@code verdict} is its own verdict sentence (tuned vs defaults). */
    public record Side(long id, String label, String name, int configurations, String verdict) {

        /** How the side is named in sentences: its label, else its name. */
        public String display() {
            return label == null || label.isBlank() ? name : label;
        }
    }

    /**
     * @param welchT  Welch t of A − B, null when undefined (fewer than 2 values, zero variance)
     * @param pValue  two-sided p of that test
     * @param cohensD Cohen's d of A − B with the pooled SD
     */
    public record MetricComparison(int nA, int nB, Double meanA, Double meanB, Double difference, Double welchT,
                                   Double pValue, Double cohensD, Double cvPctA, Double cvPctB) {
    }

    public record Pair(double a, double b) {
    }

    public record Best(Map<String, Object> options, double deltaPct) {
    }

    /** A configuration both sweeps measured (matched on the axes they share), with its Δ in each and A − B. */
    public record SharedConfiguration(Map<String, Object> options, double deltaPctA, double deltaPctB,
                                      double deltaOfDelta, Double ttftReductionPctA, Double ttftReductionPctB) {
    }

    /** What could not be compared configuration by configuration, and why. */
    public record LeftOut(List<String> axesOnlyInA, List<String> axesOnlyInB, int configurationsOnlyInA,
                          int configurationsOnlyInB, String explanation) {
    }
}
