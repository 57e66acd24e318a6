package org.chimerabench.analysis;

import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;
import org.chimerabench.sweep.RaceObjective;

/**
 * Everything the dashboard shows about one sweep, computed from its stored OK, non-warm-up calls
 * (docs/architecture.md §6). Field names are the REST contract of {@code GET /api/sweeps/{id}/analysis}.
 *
 * @param verdict                    the sweep's verdict on throughput and TTFT, with its sentence (§6.5)
 * @param configurations             configurations with at least one measured trial in both arms
 * @param incompleteConfigurations   configurations left out because an arm has no successful trial
 * @param minTrialsPerArm            the smallest number of trials of any arm (1 → no per-configuration tests)
 * @param significantlyImprovedConfigurations Δ &gt; 0 and BH-adjusted Welch q &lt; 0.05; null without ≥ 2 trials per arm
 * @param throughput                 distribution of the per-(configuration, arm) mean decode tok/s, both arms
 * @param ttftMs                     the same for TTFT
 */
public record SweepAnalysis(long sweepId, String label, Verdict verdict, int configurations, int improvedConfigurations,
                            double successRatePct, Integer significantlyImprovedConfigurations,
                            int incompleteConfigurations, int minTrialsPerArm,
                            MeanTest throughputDeltaPct, MeanTest ttftReductionPct,
                            Distribution throughput, Distribution ttftMs,
                            Map<Arm, Distribution> throughputByArm, Map<Arm, Distribution> ttftMsByArm,
                            Map<String, List<ParameterRow>> byParameter,
                            List<ConfigurationResult> topByThroughput, List<ConfigurationResult> topByTtft,
                            List<Recommendation> recommendations,
                            List<ConfigurationResult> configurationResults, RaceSummary adaptive,
                            List<LoadResult> byLoad) {

    /**
     * What a race (an adaptive sweep) decided and saved: calls stored, the calls the same grid fixed at
     * maxRepetitions would make, the share saved, the leader (the best configuration not eliminated, by the
     * objective's figure in this analysis) and how many configurations were eliminated as worse than a leader.
     */
    public record RaceSummary(RaceObjective objective, long callsUsed, long callsIfFixedAtMax, double savedPct,
                              Long leaderConfigurationId, String leader, int leaderSeparatedFrom, int rounds,
                              String sentence) {
    }

    /** The same analysis with race figures: each configuration's standing and the race's summary. */
    SweepAnalysis withRace(java.util.function.UnaryOperator<ConfigurationResult> standing, RaceSummary summary) {
        return new SweepAnalysis(sweepId, label, verdict, configurations, improvedConfigurations, successRatePct,
                significantlyImprovedConfigurations, incompleteConfigurations, minTrialsPerArm, throughputDeltaPct,
                ttftReductionPct, throughput, ttftMs, throughputByArm, ttftMsByArm, byParameter,
                topByThroughput.stream().map(standing).toList(), topByTtft.stream().map(standing).toList(),
                recommendations, configurationResults.stream().map(standing).toList(), summary, byLoad);
    }

    /** The same analysis with its verdict checked for validity (§4.2). */
    SweepAnalysis withValidity(Validity validity) {
        return new SweepAnalysis(sweepId, label, verdict.checked(validity), configurations, improvedConfigurations,
                successRatePct, significantlyImprovedConfigurations, incompleteConfigurations, minTrialsPerArm,
                throughputDeltaPct, ttftReductionPct, throughput, ttftMs, throughputByArm, ttftMsByArm, byParameter,
                topByThroughput, topByTtft, recommendations, configurationResults, adaptive, byLoad);
    }

    /** The same analysis with each configuration under its load (§6.7; empty when the sweep ran one at a time). */
    SweepAnalysis withLoad(List<LoadResult> loads) {
        return new SweepAnalysis(sweepId, label, verdict, configurations, improvedConfigurations, successRatePct,
                significantlyImprovedConfigurations, incompleteConfigurations, minTrialsPerArm, throughputDeltaPct,
                ttftReductionPct, throughput, ttftMs, throughputByArm, ttftMsByArm, byParameter, topByThroughput,
                topByTtft, recommendations, configurationResults, adaptive, List.copyOf(loads));
    }

    /**
     * The per-parameter tables once per load level (§6.7): each level's configurations only, over the axes other than
     * the load; empty when the sweep has no load axis. Keys: the level (calls in flight, or requests/s), ascending.
     */
    public java.util.SortedMap<Double, Map<String, List<ParameterRow>>> byParameterPerLoad(
            Map<String, List<Object>> axes) {
        java.util.SortedMap<Double, Map<String, List<ParameterRow>>> tables = new java.util.TreeMap<>();
        Map<String, List<Object>> others = new java.util.LinkedHashMap<>(axes);
        boolean loadAxis = others.keySet().removeIf(org.chimerabench.sweep.OllamaOption::isLoad);
        if (!loadAxis || others.isEmpty()) {
            return tables;
        }
        Map<Double, List<ConfigurationResult>> byLevel = new java.util.TreeMap<>();
        for (ConfigurationResult result : configurationResults) {
            result.options().entrySet().stream().filter(e -> org.chimerabench.sweep.OllamaOption.isLoad(e.getKey()))
                    .map(e -> ((Number) e.getValue()).doubleValue()).findFirst()
                    .ifPresent(level -> byLevel.computeIfAbsent(level, l -> new java.util.ArrayList<>()).add(result));
        }
        byLevel.forEach((level, results) -> tables.put(level, ParameterTables.of(others, results)));
        return tables;
    }

    /** True until every configuration has at least one successful trial in each arm: figures may still swing. */
    public boolean provisional() {
        return configurations == 0 || incompleteConfigurations > 0;
    }
}
