package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.chimerabench.execution.Arm;
import org.chimerabench.execution.MeasuredCalls.LoadCall;
import org.chimerabench.stats.Quantiles;
import org.chimerabench.sweep.Load;
import org.chimerabench.sweep.OllamaOption;

/**
 * How each configuration held up under its load (docs/architecture.md §6.7), from its stored calls grouped into
 * batches (configuration × arm × repetition): aggregate tok/s and requests/s over the batches' wall time, the
 * calls' own decode rate, TTFT and E2E percentiles (linear interpolation, NumPy's default), the queue estimate, and
 * the parallel efficiency against the same options at concurrency 1.
 */
final class LoadAnalyzer {

    /** A configuration to analyse: its id, options (load included) and load. */
    record Subject(long configurationId, Map<String, Object> options, Load load) {
    }

    private LoadAnalyzer() {
    }

    static List<LoadResult> analyse(List<Subject> subjects, List<LoadCall> calls) {
        Map<Long, Map<Arm, Map<Integer, List<LoadCall>>>> batches = new HashMap<>();
        for (LoadCall call : calls) {
            batches.computeIfAbsent(call.configurationId(), id -> new HashMap<>())
                    .computeIfAbsent(call.arm(), a -> new HashMap<>())
                    .computeIfAbsent(call.repetition(), r -> new ArrayList<>()).add(call);
        }
        List<LoadResult> results = new ArrayList<>();
        for (Subject subject : subjects) {
            Map<Arm, Map<Integer, List<LoadCall>>> arms = batches.get(subject.configurationId());
            if (arms == null || !arms.containsKey(Arm.BASELINE) || !arms.containsKey(Arm.CHIMERA)) {
                continue; // not measured in both arms yet
            }
            results.add(new LoadResult(subject.configurationId(), OllamaOption.withoutLoad(subject.options()),
                    subject.load().kind(),
                    subject.load().level(), arm(arms.get(Arm.BASELINE)), arm(arms.get(Arm.CHIMERA))));
        }
        return withEfficiency(results);
    }

    /** One arm's batches. */
    static LoadResult.ArmLoad arm(Map<Integer, List<LoadCall>> batches) {
        double tokens = 0;
        double wallMs = 0;
        int calls = 0;
        List<Double> ttft = new ArrayList<>();
        List<Double> e2e = new ArrayList<>();
        List<Double> decode = new ArrayList<>();
        List<Double> queue = new ArrayList<>();
        for (List<LoadCall> batch : batches.values()) {
            double first = batch.stream().mapToDouble(LoadCall::startedAtMs).min().orElseThrow();
            double last = batch.stream().mapToDouble(LoadCall::endedAtMs).max().orElseThrow();
            wallMs += last - first;
            for (LoadCall call : batch) {
                tokens += call.evalCount();
                calls++;
                e2e.add(call.e2eMs());
                add(ttft, call.ttftMs());
                add(decode, call.decodeTokPerSec());
                add(queue, call.queueMs());
            }
        }
        double seconds = wallMs / 1000.0;
        return new LoadResult.ArmLoad(batches.size(), calls, seconds > 0 ? tokens / seconds : 0,
                seconds > 0 ? calls / seconds : 0, mean(decode), quantile(ttft, 0.50), quantile(ttft, 0.95),
                quantile(ttft, 0.99), quantile(e2e, 0.50), quantile(e2e, 0.95), quantile(e2e, 0.99),
                queue.isEmpty() ? null : mean(queue), null);
    }

    /** Efficiency = aggregate ÷ (N × the aggregate of the same other options at concurrency 1), per arm. */
    private static List<LoadResult> withEfficiency(List<LoadResult> results) {
        Map<Map<String, Object>, LoadResult> single = new HashMap<>();
        for (LoadResult result : results) {
            if (result.load() == Load.Kind.CONCURRENCY && result.level() == 1) {
                single.put(result.options(), result);
            }
        }
        List<LoadResult> withEfficiency = new ArrayList<>();
        for (LoadResult result : results) {
            LoadResult one = result.load() == Load.Kind.CONCURRENCY ? single.get(result.options())
                    : null;
            withEfficiency.add(one == null ? result : new LoadResult(result.configurationId(), result.options(),
                    result.load(), result.level(),
                    result.baseline().withEfficiency(efficiency(result.baseline(), one.baseline(), result.level())),
                    result.chimera().withEfficiency(efficiency(result.chimera(), one.chimera(), result.level()))));
        }
        return withEfficiency;
    }

    private static Double efficiency(LoadResult.ArmLoad at, LoadResult.ArmLoad atOne, double level) {
        return atOne.aggregateTokPerSec() > 0 ? at.aggregateTokPerSec() / (level * atOne.aggregateTokPerSec()) : null;
    }

    private static void add(List<Double> values, Double value) {
        if (value != null && Double.isFinite(value)) {
            values.add(value);
        }
    }

    private static double mean(List<Double> values) {
        return values.stream().filter(Objects::nonNull).mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static Double quantile(List<Double> values, double p) {
        return values.isEmpty() ? null : Quantiles.of(values.stream().mapToDouble(Double::doubleValue).toArray(), p);
    }
}
