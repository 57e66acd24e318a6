package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.stats.EffectSize;
import org.chimerabench.stats.Summary;
import org.chimerabench.stats.WelchTest;

/** Computes a {@link SweepComparison} from two analyses (plain computation, docs/architecture.md §6 "Comparison"). */
public final class Comparisons {

    /** The compared metrics, in display order, and how each configuration contributes one value. */
    public static final Map<String, Function<ConfigurationResult, Double>> METRICS = metrics();

    /** Each metric's name with its unit, for tables. */
    public static final Map<String, String> NAMES = Map.of("baselineTokPerSec", "Baseline throughput (tok/s)",
            "chimeraTokPerSec", "Chimera throughput (tok/s)", "throughputDeltaPct", "Throughput Δ (%)",
            "ttftReductionPct", "TTFT reduction (%)", "ttftMs", "Chimera TTFT (ms)", "baselineTtftMs",
            "Baseline TTFT (ms)");
    /** Decimals of each metric's values: tok/s to 0.1, Δ % to 0.01, TTFT % to 0.1, ms to 1. */
    public static final Map<String, Integer> DECIMALS = Map.of("baselineTokPerSec", 1, "chimeraTokPerSec", 1,
            "throughputDeltaPct", 2, "ttftReductionPct", 1, "ttftMs", 0, "baselineTtftMs", 0);

    private Comparisons() {
    }

    private static Map<String, Function<ConfigurationResult, Double>> metrics() {
        Map<String, Function<ConfigurationResult, Double>> metrics = new LinkedHashMap<>();
        metrics.put("baselineTokPerSec", r -> r.throughput().baselineTokPerSec());
        metrics.put("chimeraTokPerSec", r -> r.throughput().chimeraTokPerSec());
        metrics.put("throughputDeltaPct", r -> r.throughput().deltaPct());
        metrics.put("ttftReductionPct", r -> r.ttft().ttftReductionPct());
        metrics.put("ttftMs", r -> r.ttft().chimeraTtftMs());
        metrics.put("baselineTtftMs", r -> r.ttft().baselineTtftMs());
        return metrics;
    }

    public static SweepComparison compare(SweepAnalysis a, String nameA, List<String> axesA,
                                          SweepAnalysis b, String nameB, List<String> axesB) {
        return compare(a, nameA, axesA, b, nameB, axesB, List.of());
    }

    /** {@code warnings}: why the two sweeps may not be comparable, said with the result. */
    public static SweepComparison compare(SweepAnalysis a, String nameA, List<String> axesA,
                                          SweepAnalysis b, String nameB, List<String> axesB, List<String> warnings) {
        Map<String, SweepComparison.MetricComparison> metrics = new LinkedHashMap<>();
        METRICS.forEach((name, value) -> metrics.put(name, metric(values(a, value), values(b, value))));
        List<String> shared = axesA.stream().filter(axesB::contains).toList();
        Map<String, ConfigurationResult> keyedA = keyed(a, shared);
        Map<String, ConfigurationResult> keyedB = keyed(b, shared);
        List<SweepComparison.SharedConfiguration> both = new ArrayList<>();
        keyedA.forEach((key, ra) -> {
            ConfigurationResult rb = keyedB.get(key);
            if (ra != null && rb != null) {
                double deltaA = ra.throughput().deltaPct();
                double deltaB = rb.throughput().deltaPct();
                both.add(new SweepComparison.SharedConfiguration(project(ra.options(), shared), deltaA, deltaB,
                        deltaA - deltaB, ra.ttft().ttftReductionPct(), rb.ttft().ttftReductionPct()));
            }
        });
        List<String> onlyA = axesA.stream().filter(x -> !axesB.contains(x)).toList();
        List<String> onlyB = axesB.stream().filter(x -> !axesA.contains(x)).toList();
        int leftA = a.configurations() - both.size();
        int leftB = b.configurations() - both.size();
        SweepComparison.Side sideA = new SweepComparison.Side(a.sweepId(), a.label(), nameA, a.configurations(),
                a.verdict().sentence());
        SweepComparison.Side sideB = new SweepComparison.Side(b.sweepId(), b.label(), nameB, b.configurations(),
                b.verdict().sentence());
        Map<String, String> winners = new LinkedHashMap<>();
        metrics.forEach((name, m) -> winners.put(name, winner(name, m, sideA.display(), sideB.display())));
        return new SweepComparison(sideA, sideB, List.copyOf(warnings), metrics, winners,
                new SweepComparison.Pair(a.successRatePct(), b.successRatePct()),
                best(a), best(b), both,
                new SweepComparison.LeftOut(onlyA, onlyB, leftA, leftB, explain(onlyA, onlyB, leftA, leftB)));
    }

    /** What each metric is called in a sentence, its unit, and whether a higher value is better. */
    private record Wording(String what, String unit, boolean higherIsBetter) {
    }

    private static final Map<String, Wording> WORDING = Map.of(
            "baselineTokPerSec", new Wording("Baseline throughput", " tok/s", true),
            "chimeraTokPerSec", new Wording("Tuned throughput", " tok/s", true),
            "throughputDeltaPct", new Wording("Throughput gain from tuning", " %", true),
            "ttftReductionPct", new Wording("First-token gain from tuning", " %", true),
            "ttftMs", new Wording("Tuned time to first token", " ms", false),
            "baselineTtftMs", new Wording("Baseline time to first token", " ms", false));

    /**
     * "Tuned throughput: rust 98.9 tok/s vs python 99.0 tok/s — no significant difference (Welch p = 0.62,
     * d = −0.17)", or "… — python better by 0.4 tok/s (Welch p = 0.01, d = 0.9, large)".
     */
    static String winner(String metric, SweepComparison.MetricComparison m, String a, String b) {
        Wording w = WORDING.get(metric);
        if (m.meanA() == null || m.meanB() == null) {
            return w.what() + ": not measured in " + (m.meanA() == null ? a : b) + ".";
        }
        int decimals = DECIMALS.get(metric);
        String values = w.what() + ": " + a + " " + Numbers.number(m.meanA(), decimals) + w.unit() + " vs " + b
                + " " + Numbers.number(m.meanB(), decimals) + w.unit();
        if (m.pValue() == null) {
            return values + " — not testable (too few configurations or no variation).";
        }
        String test = " (" + Numbers.pEquals("Welch p", m.pValue()) + ", |d| = "
                + Numbers.number(Math.abs(m.cohensD()), 2) + ", " + size(m.cohensD()) + ")";
        if (m.pValue() >= 0.05) {
            return values + " — no significant difference" + test + ".";
        }
        boolean aBetter = (m.difference() > 0) == w.higherIsBetter();
        String gap = w.unit().equals(" %") ? " percentage points" : w.unit();
        return values + " — " + (aBetter ? a : b) + " better by " + Numbers.number(Math.abs(m.difference()),
                decimals) + gap + test + ".";
    }

    /** Cohen's conventional words for |d|: negligible &lt; 0.2 ≤ small &lt; 0.5 ≤ medium &lt; 0.8 ≤ large. */
    static String size(double d) {
        double magnitude = Math.abs(d);
        return magnitude < 0.2 ? "negligible" : magnitude < 0.5 ? "small" : magnitude < 0.8 ? "medium" : "large";
    }

    static SweepComparison.MetricComparison metric(double[] a, double[] b) {
        if (a.length == 0 || b.length == 0) {
            return new SweepComparison.MetricComparison(a.length, b.length, mean(a), mean(b), null, null, null, null,
                    null, null);
        }
        Double t = null;
        Double p = null;
        Double d = null;
        try {
            WelchTest welch = WelchTest.of(a, b);
            t = welch.tStatistic();
            p = welch.pValueTwoSided();
            d = EffectSize.cohensD(a, b);
        } catch (IllegalArgumentException undefined) {
            // fewer than 2 values or no variance: the test is undefined, the means still compare
        }
        double meanA = Summary.of(a).mean();
        double meanB = Summary.of(b).mean();
        return new SweepComparison.MetricComparison(a.length, b.length, meanA, meanB, meanA - meanB, t, p, d,
                Distribution.finiteOrNull(Summary.of(a).cvPct()), Distribution.finiteOrNull(Summary.of(b).cvPct()));
    }

    private static double[] values(SweepAnalysis analysis, Function<ConfigurationResult, Double> value) {
        return analysis.configurationResults().stream().map(value).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).toArray();
    }

    private static Double mean(double[] values) {
        return values.length == 0 ? null : Summary.of(values).mean();
    }

    /** Configurations keyed by their values on the shared axes; a key matched by several is ambiguous and dropped. */
    private static Map<String, ConfigurationResult> keyed(SweepAnalysis analysis, List<String> shared) {
        Map<String, ConfigurationResult> keyed = new HashMap<>();
        for (ConfigurationResult r : analysis.configurationResults()) {
            String key = OptionsJson.describe(project(r.options(), shared));
            keyed.merge(key, r, (x, y) -> null);
        }
        return keyed;
    }

    private static Map<String, Object> project(Map<String, Object> options, List<String> axes) {
        Map<String, Object> projected = new LinkedHashMap<>();
        axes.forEach(axis -> projected.put(axis, options.get(axis)));
        return projected;
    }

    private static SweepComparison.Best best(SweepAnalysis analysis) {
        return analysis.topByThroughput().isEmpty() ? null
                : new SweepComparison.Best(analysis.topByThroughput().get(0).options(),
                analysis.topByThroughput().get(0).throughput().deltaPct());
    }

    private static String explain(List<String> onlyA, List<String> onlyB, int leftA, int leftB) {
        if (onlyA.isEmpty() && onlyB.isEmpty() && leftA == 0 && leftB == 0) {
            return "Both sweeps measured the same configurations.";
        }
        StringBuilder text = new StringBuilder();
        if (!onlyA.isEmpty() || !onlyB.isEmpty()) {
            text.append("Configurations are matched on the shared axes only");
            if (!onlyA.isEmpty()) {
                text.append("; only A varies ").append(String.join(", ", onlyA));
            }
            if (!onlyB.isEmpty()) {
                text.append("; only B varies ").append(String.join(", ", onlyB));
            }
            text.append(". ");
        }
        text.append(leftA).append(" configuration(s) of A and ").append(leftB)
                .append(" of B have no unique counterpart and are left out of the per-configuration table;"
                        + " the metric tests use every configuration of each sweep.");
        return text.toString();
    }
}
