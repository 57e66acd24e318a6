package org.chimerabench.analysis;

import java.util.Map;

/**
 * One row of the recommendation matrix. {@code options} is null when no configuration qualifies;
 * {@code note} then says why (e.g. "needs ≥ 2 trials per arm").
 *
 * @param qValue        the chosen configuration's BH q-value (null with a single trial per arm)
 * @param significance  what may be claimed about it, e.g. "single trial — not testable"
 */
public record Recommendation(UseCase useCase, Long configurationId, Map<String, Object> options,
                             Double deltaPct, Double ttftReductionPct, String rule, String note, Double qValue,
                             String significance) {

    static Recommendation of(UseCase useCase, ConfigurationResult chosen, String note) {
        return new Recommendation(useCase, chosen.configurationId(), chosen.options(), chosen.throughput().deltaPct(),
                chosen.ttft().ttftReductionPct(), useCase.rule(), note, chosen.significance().qValue(),
                chosen.claim());
    }

    static Recommendation none(UseCase useCase, String why) {
        return new Recommendation(useCase, null, null, null, null, useCase.rule(), why, null, null);
    }
}
