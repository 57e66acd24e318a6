package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a tuning stands, stored with it after every decision (as JSON), so a restart continues with the same
 * decisions: what the probe found, the search space, what loads, the stages so far, and the answer.
 *
 * @param probeCalls the loads the probe and the feasibility bisection made (calls that are not stored trials)
 */
public record TuningState(Phase phase, ProbeFacts probe, SearchSpace space, Feasibility feasibility,
                          List<Stage> stages, TuningAnswer answer, int probeCalls) {

    /** The steps, in order. */
    public enum Phase { PROBE, FEASIBILITY, COARSE, REFINE, CONFIRM, GOODPUT, DONE }

    /** What the probe learned, for the page: the model's facts and Ollama's own placement at the defaults. */
    public record ProbeFacts(Integer blocks, Integer trainedContext, String quantization, long sizeBytes,
                             int layersOllamaFits, int offloadableLayers, Double gpuSharePctAtDefaults) {

        static ProbeFacts of(ModelProbe probe) {
            return new ProbeFacts(probe.model().blockCount(), probe.model().contextLength(),
                    probe.model().quantization(), probe.model().sizeBytes(), probe.layersOllamaFits(),
                    probe.offloadableLayers(), probe.atDefaults().gpuOffloadPct());
        }
    }

    /**
     * One stage, a sweep the user can open.
     *
     * @param kind       COARSE, REFINE or CONFIRM
     * @param leader     the configuration it found best (null while it runs, and for the confirmation)
     * @param leaderGainPct the leader's gain over the defaults as this stage measured it
     * @param concurrency  a goodput level (kind LOAD) only: the streams at once; {@code ttftP95Ms} what it measured
     * @param previousLeaderBeaten a refinement only: the previous stage's leader, raced again here, was eliminated
     *                             (significantly worse than this leader); when not, the two differ by noise only
     */
    public record Stage(String name, String kind, long sweepId, int configurations, Map<String, Object> leader,
                        Double leaderGainPct, boolean separated, List<WhatMattered.Measured> measured,
                        boolean previousLeaderBeaten, Integer concurrency, Double ttftP95Ms) {

        Stage(String name, String kind, long sweepId, int configurations, Map<String, Object> leader,
              Double leaderGainPct, boolean separated, List<WhatMattered.Measured> measured) {
            this(name, kind, sweepId, configurations, leader, leaderGainPct, separated, measured, false, null, null);
        }

        Stage decided(Map<String, Object> leader, Double gainPct, boolean separated,
                      List<WhatMattered.Measured> measured, boolean previousLeaderBeaten) {
            return new Stage(name, kind, sweepId, configurations, leader, gainPct, separated, measured,
                    previousLeaderBeaten, concurrency, ttftP95Ms);
        }

        /** A goodput level measured: the chimera arm's TTFT p95 at this stage's concurrency. */
        Stage measuredAt(Map<String, Object> options, double p95) {
            return new Stage(name, kind, sweepId, configurations, options, null, false, List.of(), false,
                    concurrency, p95);
        }

        boolean done() {
            return leader != null;
        }
    }

    static TuningState start() {
        return new TuningState(Phase.PROBE, null, null, null, List.of(), null, 0);
    }

    TuningState probed(ProbeFacts facts, SearchSpace proposed) {
        return new TuningState(Phase.FEASIBILITY, facts, proposed, null, stages, null, probeCalls + 1);
    }

    TuningState checked(Feasibility found) {
        return new TuningState(Phase.COARSE, probe, space, found, stages, null, probeCalls + found.probeLoads());
    }

    TuningState at(Phase next) {
        return new TuningState(next, probe, space, feasibility, stages, answer, probeCalls);
    }

    TuningState withStage(Stage stage) {
        List<Stage> all = new ArrayList<>(stages);
        if (!all.isEmpty() && all.get(all.size() - 1).sweepId() == stage.sweepId()) {
            all.set(all.size() - 1, stage);
        } else {
            all.add(stage);
        }
        return new TuningState(phase, probe, space, feasibility, all, answer, probeCalls);
    }

    TuningState answered(TuningAnswer found) {
        return new TuningState(Phase.DONE, probe, space, feasibility, stages, found, probeCalls);
    }

    /** The last stage, if any. */
    Stage last() {
        return stages.isEmpty() ? null : stages.get(stages.size() - 1);
    }

    /** The racing stages of one kind. */
    long count(String kind) {
        return stages.stream().filter(s -> s.kind().equals(kind)).count();
    }
}
