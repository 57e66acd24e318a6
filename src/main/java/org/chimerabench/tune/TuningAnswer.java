package org.chimerabench.tune;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a tuning recommends, confirmed: the options, the gain over Ollama's defaults measured afresh (not the race's
 * figure, which picked the best of many and so reads high), its 95 % interval and the rule that turns it into a
 * verdict, what mattered, and the options ready to paste.
 *
 * @param gainPct     throughput gain, or time-to-first-token reduction, %, positive = better than the defaults
 * @param outcome     BETTER when the interval lies above 0, WORSE below, INCONCLUSIVE otherwise
 * @param raceGainPct the same winner's gain as the race that picked it measured it (for comparison; reads high)
 * @param concurrency GOODPUT only: the most concurrent streams whose TTFT p95 stayed within the target
 */
public record TuningAnswer(Map<String, Object> options, Double gainPct, Double ci95Low, Double ci95High,
                           String outcome, String verdictRule, List<WhatMattered.Share> whatMattered,
                           String modelfile, Map<String, Object> apiOptions, Double raceGainPct,
                           Integer confirmationRepetitions, Integer concurrency) {

    public TuningAnswer {
        options = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(options)); // in axis order
        apiOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(apiOptions));
        whatMattered = List.copyOf(whatMattered);
    }

    /** The same answer with the goodput search's result: the most streams within the target (0: not even one). */
    TuningAnswer withConcurrency(int streams) {
        return new TuningAnswer(options, gainPct, ci95Low, ci95High, outcome, verdictRule, whatMattered, modelfile,
                apiOptions, raceGainPct, confirmationRepetitions, streams);
    }

    /** A Modelfile that makes the options the model's own: {@code FROM} the model, one {@code PARAMETER} each. */
    public static String modelfile(String model, Map<String, Object> options) {
        String parameters = options.entrySet().stream()
                .map(e -> "PARAMETER " + e.getKey() + " " + Grid.value(e.getValue())).collect(Collectors.joining("\n"));
        return "FROM " + model + (parameters.isEmpty() ? "" : "\n" + parameters) + "\n";
    }
}
