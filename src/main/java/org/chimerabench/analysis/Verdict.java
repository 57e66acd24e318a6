package org.chimerabench.analysis;

/**
 * The sweep's verdict in a few fields and one sentence (docs/architecture.md §6.5): did the tuned (chimera)
 * options change throughput and time to first token, beyond noise and beyond the equivalence margin?
 *
 * @param throughputDeltaPct per-configuration throughput Δ %
 * @param ttftReductionPct   per-configuration TTFT reduction % (positive = first token sooner)
 * @param sentence           both outcomes in words, e.g. "Tuned options: no practical throughput difference
 *                           (+0.14 %, within ±1 %); first token 2.1 % sooner (p = 0.046)"
 */
public record Verdict(MetricVerdict throughputDeltaPct, MetricVerdict ttftReductionPct, String sentence) {

    static Verdict of(double[] throughputDeltas, double[] ttftReductions, double marginPct) {
        MetricVerdict throughput = MetricVerdict.of(throughputDeltas, marginPct);
        MetricVerdict ttft = MetricVerdict.of(ttftReductions, marginPct);
        return new Verdict(throughput, ttft, VerdictSentence.of(throughput, ttft));
    }
}
