package org.chimerabench.analysis;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.chimerabench.base.Numbers;

/** The four-row recommendation matrix of docs/architecture.md §6; each row carries its rule text. */
public final class RecommendationMatrix {

    private RecommendationMatrix() {
    }

    static List<Recommendation> of(List<ConfigurationResult> results, int minTrialsPerArm) {
        List<ConfigurationResult> improved = results.stream().filter(r -> r.significance().improved()).toList();
        return List.of(maxThroughput(results), balanced(improved), consistency(improved, minTrialsPerArm),
                resourceEfficient(results));
    }

    private static Recommendation maxThroughput(List<ConfigurationResult> results) {
        return results.stream().min(SweepAnalyzer.byThroughput())
                .map(best -> Recommendation.of(UseCase.MAX_THROUGHPUT, best, null))
                .orElseGet(() -> Recommendation.none(UseCase.MAX_THROUGHPUT, "no configuration measured"));
    }

    private static Recommendation balanced(List<ConfigurationResult> improved) {
        if (improved.isEmpty()) {
            return Recommendation.none(UseCase.BALANCED, "no configuration improved throughput");
        }
        Map<ConfigurationResult, Double> throughputRank = averageRanks(improved, r -> r.throughput().deltaPct());
        Map<ConfigurationResult, Double> ttftRank = averageRanks(improved, ConfigurationResult::ttftReductionOrWorst);
        ConfigurationResult best = improved.stream()
                .min(Comparator.<ConfigurationResult>comparingDouble(r -> throughputRank.get(r) + ttftRank.get(r))
                        .thenComparing(Comparator.comparingDouble((ConfigurationResult r) -> r.throughput().deltaPct()).reversed()))
                .orElseThrow();
        return Recommendation.of(UseCase.BALANCED, best,
                "rank sum " + format(throughputRank.get(best) + ttftRank.get(best)) + " of " + improved.size()
                        + " improved configurations");
    }

    private static Recommendation consistency(List<ConfigurationResult> improved, int minTrialsPerArm) {
        if (minTrialsPerArm < 2) {
            return Recommendation.none(UseCase.CONSISTENCY, "needs ≥ 2 trials per arm");
        }
        return improved.stream().filter(r -> r.throughput().chimeraCvPct() != null)
                .min(Comparator.comparingDouble((ConfigurationResult r) -> r.throughput().chimeraCvPct())
                        .thenComparing(Comparator.comparingDouble((ConfigurationResult r) -> r.throughput().deltaPct()).reversed()))
                .map(best -> Recommendation.of(UseCase.CONSISTENCY, best,
                        "chimera CV " + format(best.throughput().chimeraCvPct()) + " %"))
                .orElseGet(() -> Recommendation.none(UseCase.CONSISTENCY, "no configuration improved throughput"));
    }

    private static Recommendation resourceEfficient(List<ConfigurationResult> results) {
        List<ConfigurationResult> candidates = results.stream().filter(r -> r.throughput().deltaPct() >= 0).toList();
        if (candidates.isEmpty()) {
            return Recommendation.none(UseCase.RESOURCE_EFFICIENT, "no configuration with throughput Δ ≥ 0");
        }
        boolean vramMeasured = candidates.stream().allMatch(r -> r.sizeVramBytes() != null);
        Comparator<ConfigurationResult> order = vramMeasured
                ? Comparator.comparingDouble(ConfigurationResult::sizeVramBytes)
                : Comparator.comparingDouble((ConfigurationResult r) -> option(r, "num_gpu"))
                        .thenComparingDouble(r -> option(r, "num_ctx"));
        order = order.thenComparing(Comparator.comparingDouble((ConfigurationResult r) -> r.throughput().deltaPct()).reversed());
        ConfigurationResult best = candidates.stream().min(order).orElseThrow();
        return Recommendation.of(UseCase.RESOURCE_EFFICIENT, best,
                vramMeasured ? "smallest measured VRAM" : "no VRAM measurements: lowest num_gpu, then num_ctx");
    }

    private static double option(ConfigurationResult r, String name) {
        Object value = r.options().get(name);
        return value instanceof Number number ? number.doubleValue() : Double.POSITIVE_INFINITY;
    }

    /** Rank 1 = the highest value; tied values share the average of their ranks (SciPy's rankdata default). */
    static Map<ConfigurationResult, Double> averageRanks(List<ConfigurationResult> results,
                                                        ToDoubleFunction<ConfigurationResult> value) {
        List<ConfigurationResult> sorted = results.stream()
                .sorted(Comparator.comparingDouble(value).reversed()).toList();
        Map<ConfigurationResult, Double> ranks = new HashMap<>();
        int i = 0;
        while (i < sorted.size()) {
            int j = i;
            double v = value.applyAsDouble(sorted.get(i));
            while (j + 1 < sorted.size() && value.applyAsDouble(sorted.get(j + 1)) == v) {
                j++;
            }
            double rank = (i + 1 + j + 1) / 2.0;
            for (int k = i; k <= j; k++) {
                ranks.put(sorted.get(k), rank);
            }
            i = j + 1;
        }
        return ranks;
    }

    private static String format(double value) {
        return Numbers.number(value, 2);
    }
}
