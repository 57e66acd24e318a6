package org.chimerabench.sweep;

import java.util.Arrays;
import java.util.Optional;

/** What a race (an adaptive sweep) optimises, per repetition of a configuration. */
public enum RaceObjective {
    /** The chimera arm's decode tok/s; higher is better; the CI target is relative to the mean (%). */
    CHIMERA_DECODE_TOK_PER_SEC("chimera decode tok/s", true, true),
    /** The repetition's paired throughput Δ % (chimera vs baseline); higher is better; the target is in points. */
    THROUGHPUT_DELTA_PCT("throughput Δ %", true, false),
    /** The chimera arm's time to first token (ms); lower is better; the target is relative to the mean (%). */
    TTFT_MS("chimera time to first token", false, true);

    private final String label;
    private final boolean higherIsBetter;
    private final boolean relativeTarget;

    RaceObjective(String label, boolean higherIsBetter, boolean relativeTarget) {
        this.label = label;
        this.higherIsBetter = higherIsBetter;
        this.relativeTarget = relativeTarget;
    }

    public String label() {
        return label;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The CI half-width target is a % of the mean (true) or in the objective's own unit, a % already (false). */
    public boolean relativeTarget() {
        return relativeTarget;
    }

    public static Optional<RaceObjective> named(String name) {
        return Arrays.stream(values()).filter(o -> o.name().equals(name)).findFirst();
    }
}
