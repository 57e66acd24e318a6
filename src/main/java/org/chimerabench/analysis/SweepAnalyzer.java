package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;
import org.chimerabench.stats.MultipleTesting;
import org.chimerabench.stats.Summary;
import org.chimerabench.stats.WelchTest;
import org.chimerabench.sweep.Sweep;

/**
 * Turns measured configurations into a {@link SweepAnalysis} (docs/architecture.md §6). Plain computation,
 * no I/O: {@link AnalysisService} loads the data.
 */
public final class SweepAnalyzer {

    /** How many configurations the top-N lists hold. */
    public static final int TOP_N = 5;

    private SweepAnalyzer() {
    }

    /**
     * @param axes           the sweep's axes (option name → values in display order)
     * @param configurations measured configurations in the sweep's order
     */
    public static SweepAnalysis analyse(long sweepId, String label, Map<String, List<Object>> axes,
                                        List<MeasuredConfiguration> configurations) {
        return analyse(sweepId, label, axes, configurations, Sweep.DEFAULT_EQUIVALENCE_MARGIN_PCT);
    }

    /**
     * @param axes                  the sweep's axes (option name → values in display order)
     * @param configurations        measured configurations in the sweep's order
     * @param equivalenceMarginPct  the margin within which an effect counts as no practical difference
     */
    public static SweepAnalysis analyse(long sweepId, String label, Map<String, List<Object>> axes,
                                        List<MeasuredConfiguration> configurations, double equivalenceMarginPct) {
        List<MeasuredConfiguration> complete = configurations.stream().filter(MeasuredConfiguration::complete).toList();
        List<ConfigurationResult> results = adjustPValues(complete.stream().map(SweepAnalyzer::result).toList());

        int improved = (int) results.stream().filter(r -> r.significance().improved()).count();
        double successRate = results.isEmpty() ? 0 : improved * 100.0 / results.size();
        Integer significant = results.stream().anyMatch(r -> r.significance().qValue() != null)
                ? (int) results.stream().filter(r -> Boolean.TRUE.equals(r.significance().significantlyImproved())).count()
                : null;
        int minTrials = complete.stream()
                .mapToInt(c -> Math.min(c.baselineTokPerSec().length, c.chimeraTokPerSec().length))
                .min().orElse(0);

        double[] deltas = results.stream().mapToDouble(r -> r.throughput().deltaPct()).toArray();
        double[] ttftReductions = results.stream().filter(r -> r.ttft().ttftReductionPct() != null)
                .mapToDouble(r -> r.ttft().ttftReductionPct()).toArray();
        double[] baselineTok = results.stream().mapToDouble(r -> r.throughput().baselineTokPerSec()).toArray();
        double[] chimeraTok = results.stream().mapToDouble(r -> r.throughput().chimeraTokPerSec()).toArray();
        double[] baselineTtft = results.stream().filter(r -> r.ttft().baselineTtftMs() != null)
                .mapToDouble(r -> r.ttft().baselineTtftMs()).toArray();
        double[] chimeraTtft = results.stream().filter(r -> r.ttft().chimeraTtftMs() != null)
                .mapToDouble(r -> r.ttft().chimeraTtftMs()).toArray();

        Verdict verdict = Verdict.of(deltas, ttftReductions, equivalenceMarginPct)
                .withBest(BestFirst.of(results).orElse(null));
        return new SweepAnalysis(sweepId, label, verdict,
                results.size(), improved, successRate, significant,
                configurations.size() - complete.size(), minTrials,
                MeanTest.of(deltas), MeanTest.of(ttftReductions),
                Distribution.ofOrNull(concat(baselineTok, chimeraTok)),
                Distribution.ofOrNull(concat(baselineTtft, chimeraTtft)),
                byArm(baselineTok, chimeraTok), byArm(baselineTtft, chimeraTtft),
                ParameterTables.of(axes, results),
                top(results, byThroughput()), top(results, byTtftReduction()),
                RecommendationMatrix.of(results, minTrials),
                results, null, List.of());
    }

    static ConfigurationResult result(MeasuredConfiguration c) {
        Summary baseline = Summary.of(c.baselineTokPerSec());
        Summary chimera = Summary.of(c.chimeraTokPerSec());
        double delta = (chimera.mean() - baseline.mean()) / baseline.mean() * 100.0;
        Summary baselineTtft = c.baselineTtftMs().length > 0 ? Summary.of(c.baselineTtftMs()) : null;
        Summary chimeraTtft = c.chimeraTtftMs().length > 0 ? Summary.of(c.chimeraTtftMs()) : null;
        Double ttftReduction = baselineTtft != null && chimeraTtft != null && baselineTtft.mean() != 0
                ? (baselineTtft.mean() - chimeraTtft.mean()) / baselineTtft.mean() * 100.0
                : null;
        return new ConfigurationResult(c.id(), c.options(),
                new ConfigurationResult.Throughput(baseline.mean(), chimera.mean(), delta,
                        Distribution.finiteOrNull(baseline.cvPct()), Distribution.finiteOrNull(chimera.cvPct())),
                new ConfigurationResult.Ttft(baselineTtft == null ? null : baselineTtft.mean(),
                        chimeraTtft == null ? null : chimeraTtft.mean(), ttftReduction,
                        baselineTtft == null ? null : Distribution.finiteOrNull(baselineTtft.cvPct()),
                        chimeraTtft == null ? null : Distribution.finiteOrNull(chimeraTtft.cvPct())),
                new ConfigurationResult.Trials(baseline.n(), chimera.n()),
                new ConfigurationResult.Significance(welchP(c), null, delta > 0, null), c.sizeVramBytes());
    }

    /** Welch p of chimera vs baseline throughput, or null when undefined (fewer than 2 trials, zero variance). */
    private static Double welchP(MeasuredConfiguration c) {
        if (c.baselineTokPerSec().length < 2 || c.chimeraTokPerSec().length < 2) {
            return null;
        }
        try {
            return WelchTest.of(c.chimeraTokPerSec(), c.baselineTokPerSec()).pValueTwoSided();
        } catch (IllegalArgumentException undefined) {
            return null;
        }
    }

    /** Benjamini–Hochberg across the configurations that have a p-value. */
    private static List<ConfigurationResult> adjustPValues(List<ConfigurationResult> results) {
        List<Integer> tested = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i).significance().pValue() != null) {
                tested.add(i);
            }
        }
        if (tested.isEmpty()) {
            return results;
        }
        double[] q = MultipleTesting.benjaminiHochberg(
                tested.stream().mapToDouble(i -> results.get(i).significance().pValue()).toArray());
        List<ConfigurationResult> adjusted = new ArrayList<>(results);
        for (int k = 0; k < tested.size(); k++) {
            int i = tested.get(k);
            adjusted.set(i, results.get(i).withQValue(q[k]));
        }
        return adjusted;
    }

    static Comparator<ConfigurationResult> byThroughput() {
        return Comparator.comparingDouble((ConfigurationResult r) -> r.throughput().deltaPct())
                .thenComparingDouble((ConfigurationResult r) -> r.throughput().chimeraTokPerSec()).reversed();
    }

    static Comparator<ConfigurationResult> byTtftReduction() {
        return Comparator.comparingDouble(ConfigurationResult::ttftReductionOrWorst)
                .thenComparingDouble(r -> r.throughput().deltaPct()).reversed();
    }

    private static List<ConfigurationResult> top(List<ConfigurationResult> results,
                                                 Comparator<ConfigurationResult> order) {
        return results.stream().sorted(order).limit(TOP_N).toList();
    }

    private static Map<Arm, Distribution> byArm(double[] baseline, double[] chimera) {
        Map<Arm, Distribution> arms = new EnumMap<>(Arm.class);
        if (baseline.length > 0) {
            arms.put(Arm.BASELINE, Distribution.of(baseline));
        }
        if (chimera.length > 0) {
            arms.put(Arm.CHIMERA, Distribution.of(chimera));
        }
        return arms;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
