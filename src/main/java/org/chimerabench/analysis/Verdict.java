package org.chimerabench.analysis;

/**
 * The sweep's verdict in a few fields and one sentence (docs/architecture.md §6.5): did the tuned (chimera)
 * options change throughput and time to first token, beyond noise and beyond the equivalence margin?
 *
 * @param throughputDeltaPct per-configuration throughput Δ %
 * @param ttftReductionPct   per-configuration TTFT reduction % (positive = first token sooner)
 * @param sentence           both outcomes in words, e.g. "Tuned options: no practical throughput difference
 *                           (+0.14 %, within ±1 %); first token 2.1 % sooner (p = 0.046)"; or why the measurement
 *                           is invalid
 * @param validity           whether the sweep measured what it claims (§4.2); null = not checked
 * @param best               said first when the configurations differ widely ({@link BestFirst}); null otherwise
 */
public record Verdict(MetricVerdict throughputDeltaPct, MetricVerdict ttftReductionPct, String sentence,
                      Validity validity, BestFirst best) {

    public Verdict(MetricVerdict throughputDeltaPct, MetricVerdict ttftReductionPct, String sentence) {
        this(throughputDeltaPct, ttftReductionPct, sentence, null, null);
    }

    /**
     * The verdict with the sweep's validity: an invalid measurement says so instead of a number, and names no best
     * configuration either.
     */
    Verdict checked(Validity checked) {
        return new Verdict(throughputDeltaPct, ttftReductionPct, checked.valid() ? sentence : checked.summary(),
                checked, checked.valid() ? best : null);
    }

    /** The verdict with its best configuration said first (or none). */
    Verdict withBest(BestFirst first) {
        return new Verdict(throughputDeltaPct, ttftReductionPct, sentence, validity, first);
    }

    /** The whole verdict's outcome ({@link #overall()}), as the REST contract names it: {@code verdict.outcome}. */
    @com.fasterxml.jackson.annotation.JsonProperty("outcome")
    public Outcome outcome() {
        return overall();
    }

    /**
     * The colour of the whole verdict: that of throughput, the headline metric, when it is better or worse and the
     * first token does not point the other way; otherwise (no practical difference, inconclusive, mixed)
     * {@link Outcome#INCONCLUSIVE}, shown neutral. A first-token gain alone colours only its own badge. An invalid
     * measurement is {@link Outcome#INVALID}, whatever the numbers.
     */
    public Outcome overall() {
        if (validity != null && !validity.valid()) {
            return Outcome.INVALID;
        }
        Outcome headline = throughputDeltaPct.outcome();
        Outcome other = ttftReductionPct.outcome();
        boolean opposite = (headline == Outcome.BETTER && other == Outcome.WORSE)
                || (headline == Outcome.WORSE && other == Outcome.BETTER);
        if ((headline == Outcome.BETTER || headline == Outcome.WORSE) && !opposite) {
            return headline;
        }
        return Outcome.INCONCLUSIVE;
    }

    static Verdict of(double[] throughputDeltas, double[] ttftReductions, double marginPct) {
        MetricVerdict throughput = MetricVerdict.of(throughputDeltas, marginPct);
        MetricVerdict ttft = MetricVerdict.of(ttftReductions, marginPct);
        return new Verdict(throughput, ttft, VerdictSentence.of(throughput, ttft));
    }
}
