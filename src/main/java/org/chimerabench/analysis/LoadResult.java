package org.chimerabench.analysis;

import java.util.Map;
import org.chimerabench.sweep.Load;

/**
 * One configuration under its load (docs/architecture.md §6.7): the load axis and level, the configuration's other
 * options, and per arm how it held up.
 *
 * @param load    concurrency or request rate (in JSON {@code "concurrency"} or {@code "requestRate"})
 * @param level   calls in flight at once, or requests per second
 * @param options the configuration's options without the load
 */
public record LoadResult(long configurationId, Map<String, Object> options, Load.Kind load, double level,
                         ArmLoad baseline, ArmLoad chimera) {

    /**
     * One arm at one load.
     *
     * @param aggregateTokPerSec       generated tokens of all its batches ÷ their wall time (each batch: first call's
     *                                 start to last call's end), pooled over the batches
     * @param requestsPerSec           calls completed ÷ the same wall time
     * @param perStreamDecodeTokPerSec mean of the calls' own decode rates (eval_count / eval_duration)
     * @param queueMsMean              mean of the calls' queue estimates (§5)
     * @param parallelEfficiency       aggregate ÷ (N × the aggregate of the same options at concurrency 1), when
     *                                 the sweep measured concurrency 1 too; null otherwise (and at a request rate)
     */
    public record ArmLoad(int batches, int calls, double aggregateTokPerSec, double requestsPerSec,
                          double perStreamDecodeTokPerSec, Double ttftP50Ms, Double ttftP95Ms, Double ttftP99Ms,
                          double e2eP50Ms, double e2eP95Ms, double e2eP99Ms, Double queueMsMean,
                          Double parallelEfficiency) {

        ArmLoad withEfficiency(Double efficiency) {
            return new ArmLoad(batches, calls, aggregateTokPerSec, requestsPerSec, perStreamDecodeTokPerSec,
                    ttftP50Ms, ttftP95Ms, ttftP99Ms, e2eP50Ms, e2eP95Ms, e2eP99Ms, queueMsMean, efficiency);
        }

        /**
         * The efficiency as a person reads it: "85 %"; above 100 % never silently — N streams cannot give more than
         * N times one, so concurrency 1 was measured slow (a load paid there, or noise) — and {@code none} without
         * one.
         */
        public String efficiencyShown(String none) {
            if (parallelEfficiency == null) {
                return none;
            }
            String shown = org.chimerabench.base.Numbers.number(100 * parallelEfficiency, 0) + " %";
            return parallelEfficiency <= 1.0 ? shown : shown + " (above 100 %: concurrency 1 measured slower than it"
                    + " runs — noise or a disturbance there; not a real gain)";
        }
    }

    /** Its options in words ("num_ctx=2048 · num_gpu=28"), or "the sweep's options" when only the load varies. */
    public String optionsLabel() {
        return options.isEmpty() ? "the sweep's options" : org.chimerabench.base.OptionsJson.describe(options);
    }

    /** The arm asked for. */
    public ArmLoad arm(boolean chimeraArm) {
        return chimeraArm ? chimera : baseline;
    }
}
