package org.chimerabench.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.ollama.LoadOptions;
import org.chimerabench.ollama.LoadedRunner;

/**
 * The model loads a sweep's plan costs (docs/architecture.md §4.2), counted the way the runner works: trial by
 * trial in plan order (round by round for a race), per endpoint, each arm on the runner its own options load —
 * Ollama reloads when a load-time option changes; the runner unloads first where Ollama would keep a runner the
 * call did not ask for (a baseline after an explicit num_gpu) — plus one warm-up call after every load before a
 * measured trial, unless warm-ups are 0.
 *
 * @param loads          model loads, the first included
 * @param forced         of which the runner forces by unloading first
 * @param warmupCalls    extra warm-up calls (one after each load before a measured trial)
 * @param coldMeasured   measured batches (trials at load 1) that pay a load themselves — without warm-ups; they
 *                       are left out of the figures
 */
public record PlannedLoads(long loads, long forced, long warmupCalls, long coldMeasured) {

    /** What one configuration sends: its options without the load and its batch size. */
    public record Subject(Map<String, Object> chimeraOptions, int batchSize) {
    }

    /** The loads of a stored sweep run on {@code endpoints} endpoints (configurations dealt round robin). */
    public static PlannedLoads of(Sweep sweep, int endpoints) {
        List<Subject> subjects = new ArrayList<>();
        for (Configuration configuration : sweep.getConfigurations()) {
            subjects.add(new Subject(chimera(configuration.getOptions(), sweep.getFixedOptions()),
                    sweep.loadOf(configuration).batchSize()));
        }
        int repetitions = sweep.getRace().map(RacePlan::maxRepetitions).orElse(sweep.getRepetitions());
        return of(subjects, sweep.getBaselineOptions(), repetitions, sweep.getWarmupTrials(), sweep.getRunOrder(),
                sweep.getShuffleSeed(), sweep.isColdStart(), sweep.getRace().isPresent(), endpoints);
    }

    /** The options the tuned arm sends: the configuration's (without its load) and the fixed ones it leaves out. */
    static Map<String, Object> chimera(Map<String, Object> configuration, Map<String, Object> fixed) {
        Map<String, Object> options = new LinkedHashMap<>(OllamaOption.withoutLoad(configuration));
        fixed.forEach(options::putIfAbsent);
        return options;
    }

    /** A race plans its worst case: every configuration to the maximum, round by round. */
    public static PlannedLoads of(List<Subject> subjects, Map<String, Object> baselineOptions, int repetitions,
                                  int warmups, RunOrder order, Long shuffleSeed, boolean coldStart, boolean race,
                                  int endpoints) {
        List<TrialOrder.Slot> plan = TrialOrder.of(subjects.stream().map(Subject::batchSize).toList(), repetitions,
                warmups, order, shuffleSeed);
        if (race) {
            plan = byRound(plan, repetitions);
        }
        int fleet = Math.max(1, endpoints);
        LoadOptions baseline = LoadOptions.of(baselineOptions);
        long loads = 0;
        long forced = 0;
        long warmupCalls = 0;
        long coldMeasured = 0;
        for (int endpoint = 0; endpoint < fleet; endpoint++) {
            LoadedRunner runner = LoadedRunner.empty();
            TrialOrder.Slot previous = null;
            Integer lastConfiguration = null;
            for (TrialOrder.Slot slot : plan) {
                if (slot.configuration() % fleet != endpoint) {
                    continue;
                }
                boolean sameBatch = previous != null && previous.configuration() == slot.configuration()
                        && previous.baseline() == slot.baseline() && previous.repetition() == slot.repetition()
                        && previous.warmup() == slot.warmup();
                previous = slot;
                if (sameBatch) {
                    continue; // a batch's calls run on the runner its first call found
                }
                if (coldStart && !Integer.valueOf(slot.configuration()).equals(lastConfiguration)) {
                    runner.forget();
                }
                lastConfiguration = slot.configuration();
                LoadOptions wanted = slot.baseline() ? baseline
                        : LoadOptions.of(subjects.get(slot.configuration()).chimeraOptions());
                LoadedRunner.Step step = runner.before(wanted);
                if (step.loads()) {
                    loads++;
                    forced += step.unloadFirst() ? 1 : 0;
                    warmupCalls += warmups > 0 && !slot.warmup() ? 1 : 0;
                    coldMeasured += warmups == 0 && !slot.warmup() ? 1 : 0;
                }
                runner.ran(wanted, step);
            }
        }
        return new PlannedLoads(loads, forced, warmupCalls, coldMeasured);
    }

    /** The plan as a race runs it: round r = the warm-ups (first round) and repetition r of every configuration. */
    private static List<TrialOrder.Slot> byRound(List<TrialOrder.Slot> plan, int repetitions) {
        List<TrialOrder.Slot> rounds = new ArrayList<>();
        for (int round = 1; round <= repetitions; round++) {
            int r = round;
            plan.stream().filter(s -> s.warmup() ? r == 1 : s.repetition() == r).forEach(rounds::add);
        }
        return rounds;
    }

    /** "12 model loads (8 forced …)"; empty when the plan loads the model once and measures nothing cold. */
    public String sentence() {
        if (coldMeasured > 1) {
            return loads + " model loads and no warm-ups: " + coldMeasured + " measured batches pay a load"
                    + " themselves and are left out of the figures — set warm-ups to 1 or more";
        }
        if (loads <= 1) {
            return "";
        }
        String text = loads + " model loads";
        if (forced > 0) {
            text += " (" + forced + " forced: Ollama would keep another placement for an arm)";
        }
        if (warmupCalls > 0) {
            text += ", each followed by a warm-up call (+" + warmupCalls + " calls)";
        }
        return text;
    }
}
