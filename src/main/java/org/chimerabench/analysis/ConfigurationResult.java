package org.chimerabench.analysis;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;
import org.chimerabench.base.Numbers;
import org.chimerabench.stats.Race;

/**
 * The verdict for one configuration, in named parts. In JSON the parts are unwrapped: the fields keep their
 * REST names ({@code deltaPct}, {@code ttftReductionPct}, {@code qValue}, …).
 *
 * @param sizeVramBytes mean {@code size_vram} of the CHIMERA calls, or null when not measured
 */
public record ConfigurationResult(long configurationId, Map<String, Object> options,
                                  @JsonUnwrapped Throughput throughput, @JsonUnwrapped Ttft ttft,
                                  @JsonUnwrapped Trials trials, @JsonUnwrapped Significance significance,
                                  Double sizeVramBytes, @JsonUnwrapped RaceStanding race) {

    public ConfigurationResult(long configurationId, Map<String, Object> options, Throughput throughput, Ttft ttft,
                               Trials trials, Significance significance, Double sizeVramBytes) {
        this(configurationId, options, throughput, ttft, trials, significance, sizeVramBytes, null);
    }

    /**
     * Race only (null in a fixed sweep): the repetitions it got, why it got no more ({@code PRECISE},
     * {@code ELIMINATED}, {@code EXHAUSTED}; null while it runs) and after which round.
     */
    public record RaceStanding(int repetitions, Race.Stop stopReason, Integer stoppedAtRound) {

        /** "eliminated in round 3", "precise after 5", "at the maximum (8)", "running (2 so far)". */
        public String describe() {
            if (stopReason == null) {
                return "running (" + repetitions + " so far)";
            }
            return switch (stopReason) {
                case ELIMINATED -> "eliminated in round " + stoppedAtRound;
                case PRECISE -> "precise after " + stoppedAtRound;
                case EXHAUSTED -> "at the maximum (" + stoppedAtRound + ")";
            };
        }
    }

    ConfigurationResult withRace(RaceStanding standing) {
        return new ConfigurationResult(configurationId, options, throughput, ttft, trials, significance,
                sizeVramBytes, standing);
    }

    /**
     * Decode throughput per arm (mean of the trials, tok/s), throughput Δ % = (mean_C − mean_B) / mean_B × 100,
     * and the CV % across trials per arm (null with fewer than 2 trials).
     */
    public record Throughput(double baselineTokPerSec, double chimeraTokPerSec, double deltaPct,
                             Double baselineCvPct, Double chimeraCvPct) {
    }

    /**
     * Time to first token per arm (ms), TTFT reduction % = (mean_B − mean_C) / mean_B × 100 (positive = faster
     * first token), and the CV % per arm; null when not measured.
     */
    public record Ttft(Double baselineTtftMs, Double chimeraTtftMs, Double ttftReductionPct,
                       Double baselineTtftCvPct, Double chimeraTtftCvPct) {
    }

    /** Non-warm-up trials per arm. */
    public record Trials(int baselineTrials, int chimeraTrials) {
    }

    /**
     * Improved = throughput Δ > 0 (the seed's definition). With ≥ 2 trials per arm: the Welch p-value, its
     * Benjamini–Hochberg q-value across configurations, and "significantly improved" = improved and q < 0.05;
     * null otherwise.
     */
    public record Significance(Double pValue, Double qValue, boolean improved, Boolean significantlyImproved) {
    }

    ConfigurationResult withQValue(Double q) {
        Boolean significant = q == null ? null : significance.improved() && q < 0.05;
        return new ConfigurationResult(configurationId, options, throughput, ttft, trials,
                new Significance(significance.pValue(), q, significance.improved(), significant), sizeVramBytes, race);
    }

    /**
     * What may be claimed about this configuration alone, in words: "significant (q = 0.003)", "not significant
     * (q = 0.41)", "single trial — not testable" (fewer than 2 trials in an arm), "not testable" (no variance).
     */
    public String claim() {
        if (Math.min(trials.baselineTrials(), trials.chimeraTrials()) < 2) {
            return "single trial — not testable";
        }
        Double q = significance.qValue();
        if (q == null) {
            return "not testable (no variation)";
        }
        String value = Numbers.pEquals("q", q);
        if (q < 0.05) {
            return (throughput.deltaPct() > 0 ? "significantly faster (" : "significantly slower (") + value + ")";
        }
        return "not significant (" + value + ")";
    }

    /** TTFT reduction for ranking; a configuration without TTFT ranks last. */
    double ttftReductionOrWorst() {
        return ttft.ttftReductionPct() == null ? Double.NEGATIVE_INFINITY : ttft.ttftReductionPct();
    }
}
