package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.chimerabench.base.Numbers;
import org.chimerabench.execution.Arm;
import org.chimerabench.execution.MeasuredCalls.PlacedCall;
import org.chimerabench.stats.Quantiles;

/**
 * Whether a sweep measured what it claims (docs/architecture.md §4.2, §6.8): within each configuration × arm the
 * model ran at one placement; the baseline — one set of defaults — at one placement across all configurations.
 * A violation makes the verdict "measurement invalid". Disturbed calls (another client changed the placement, or
 * a load nobody planned) are listed; they are left out of every figure and their trials were run again. Loads are
 * counted and their time shown apart: calls that paid one are not in the throughput or TTFT figures.
 *
 * @param checkable   false when no call recorded its placement (imports, old sweeps)
 * @param problems    why the measurement is invalid, in words; empty = valid
 * @param disturbed   the disturbed calls, in words
 * @param loads       measured (non-warm-up) calls that paid a model load, themselves or in their batch
 * @param medianLoadMs the median load time the server reported for them, or null
 */
public record Validity(boolean checkable, List<String> problems, List<String> disturbed, int loads,
                       Double medianLoadMs) {

    /** Nothing to check: no call recorded where it ran. */
    public static final Validity NOT_CHECKABLE = new Validity(false, List.of(), List.of(), 0, null);

    public boolean valid() {
        return problems.isEmpty();
    }

    /** One line for a person: "Placement checked: …", or why it is invalid, or "not checkable". */
    public String summary() {
        if (!valid()) {
            return "Measurement invalid: " + String.join(" ", problems);
        }
        if (!checkable) {
            return "Placement not recorded — not checkable.";
        }
        String text = "Placement checked: each arm ran at one placement, the baseline at one across configurations.";
        if (!disturbed.isEmpty()) {
            text += " " + disturbed.size() + (disturbed.size() == 1 ? " call was" : " calls were")
                    + " disturbed by another client, left out and run again.";
        }
        return text;
    }

    /**
     * Checks a sweep's calls; {@code describe} names a configuration by its id ("num_gpu=14").
     */
    public static Validity of(List<PlacedCall> calls, java.util.function.LongFunction<String> describe) {
        List<String> disturbed = new ArrayList<>();
        List<Double> loadTimes = new ArrayList<>();
        Map<Long, Map<Arm, Set<String>>> placements = new LinkedHashMap<>();
        Map<String, Set<String>> baseline = new LinkedHashMap<>();
        boolean checkable = false;
        for (PlacedCall call : calls) {
            if (call.disturbance() != null) {
                disturbed.add(describe.apply(call.configurationId()) + ", " + call.arm().label().toLowerCase(Locale.ROOT)
                        + (call.warmup() ? " warm-up" : " repetition " + call.repetition()) + ": "
                        + call.disturbance());
                continue;
            }
            if (call.reloadReason() != null && call.loadMs() != null && !call.warmup()) {
                loadTimes.add(call.loadMs());
            }
            if (call.sizeBytes() == null || call.sizeVramBytes() == null || call.sizeBytes() == 0) {
                continue;
            }
            checkable = true;
            if (call.warmup()) {
                continue;
            }
            String placement = placement(call.sizeBytes(), call.sizeVramBytes());
            placements.computeIfAbsent(call.configurationId(), id -> new LinkedHashMap<>())
                    .computeIfAbsent(call.arm(), arm -> new LinkedHashSet<>()).add(placement);
            if (call.arm() == Arm.BASELINE) {
                baseline.computeIfAbsent(placement, p -> new LinkedHashSet<>())
                        .add(describe.apply(call.configurationId()));
            }
        }
        if (!checkable) {
            return new Validity(false, List.of(), List.copyOf(disturbed), loadTimes.size(), median(loadTimes));
        }
        List<String> problems = new ArrayList<>();
        if (baseline.size() > 1) {
            List<String> where = new ArrayList<>();
            baseline.forEach((placement, configurations) -> where.add(placement + " (beside "
                    + String.join(", ", configurations) + ")"));
            problems.add("the baseline ran at " + baseline.size() + " placements — " + String.join("; ", where)
                    + " — but it is one set of Ollama defaults, so its figures are not one baseline.");
        }
        placements.forEach((configuration, byArm) -> byArm.forEach((arm, seen) -> {
            if (seen.size() > 1 && !(arm == Arm.BASELINE && baseline.size() > 1)) {
                problems.add(describe.apply(configuration) + ", " + arm.label().toLowerCase(Locale.ROOT) + ": ran at "
                        + seen.size() + " placements (" + String.join(", ", seen) + ").");
            }
        }));
        return new Validity(true, List.copyOf(problems), List.copyOf(disturbed), loadTimes.size(),
                median(loadTimes));
    }

    /** "100 % on the GPU", "50.0 % on the GPU": the share of the model in GPU memory. */
    static String placement(long sizeBytes, long sizeVramBytes) {
        double pct = sizeVramBytes * 100.0 / sizeBytes;
        if (sizeVramBytes == sizeBytes) {
            return "100 % on the GPU";
        }
        if (sizeVramBytes == 0) {
            return "all on the CPU";
        }
        return Numbers.pct(pct, 1) + " on the GPU";
    }

    private static Double median(List<Double> values) {
        return values.isEmpty() ? null
                : Quantiles.of(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.5);
    }
}
