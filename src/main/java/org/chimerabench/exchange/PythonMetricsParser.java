package org.chimerabench.exchange;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;
import org.chimerabench.exchange.ParsedSweep.ParsedCall;
import org.chimerabench.exchange.ParsedSweep.ParsedConfiguration;
import org.chimerabench.exchange.ParsedSweep.ParsedTrial;

/**
 * The Python agent's {@code metrics.json}: an array of runs, each with {@code baseline_results.metrics} and
 * {@code chimera_results.metrics}. The file keeps only per-run aggregates (the mean over the run's requests),
 * so each run becomes one trial per arm holding one call with those means.
 */
final class PythonMetricsParser {

    private PythonMetricsParser() {
    }

    static boolean accepts(JsonNode root) {
        return root.isArray() && !root.isEmpty() && root.get(0).has("baseline_results")
                && root.get(0).has("chimera_results");
    }

    static ParsedSweep parse(String fileName, JsonNode root) {
        Map<String, Object> options = null;
        Map<String, Object> fixed = null;
        String model = null;
        List<ParsedTrial> trials = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode run = root.get(i);
            String where = fileName + ", run " + (i + 1);
            JsonNode chimera = run.path("chimera_results").path("metrics");
            JsonNode configuration = chimera.path("configuration");
            if (!configuration.isObject() || configuration.isEmpty()) {
                throw new ImportException(where + ": chimera_results.metrics.configuration is missing or empty");
            }
            Map<String, Object> runOptions = new LinkedHashMap<>();
            Map<String, Object> runFixed = new LinkedHashMap<>();
            configuration.fields().forEachRemaining(field -> {
                Object value = Values.optionValue(field.getValue(), where + ", configuration." + field.getKey());
                (Values.SEED_FIXED_OPTIONS.contains(field.getKey()) ? runFixed : runOptions).put(field.getKey(), value);
            });
            if (options == null) {
                options = runOptions;
                fixed = runFixed;
                model = chimera.path("model").asText(null);
            } else if (!options.equals(runOptions)) {
                throw new ImportException(where + ": its configuration differs from run 1; a metrics.json holds one"
                        + " configuration");
            }
            int repetition = run.path("run_number").asInt(i + 1);
            trials.add(new ParsedTrial(Arm.BASELINE, repetition,
                    call(run.path("baseline_results").path("metrics"), where + ", baseline_results")));
            trials.add(new ParsedTrial(Arm.CHIMERA, repetition, call(chimera, where + ", chimera_results")));
        }
        long distinctRepetitions = trials.stream().map(ParsedTrial::repetition).distinct().count();
        if (distinctRepetitions * 2 != trials.size()) {
            throw new ImportException(fileName + ": duplicate run_number values");
        }
        return new ParsedSweep("python", model, fixed, List.of(new ParsedConfiguration(options, trials, fileName)));
    }

    private static ParsedCall call(JsonNode metrics, String where) {
        JsonNode aggregate = metrics.path("aggregate_metrics");
        if (!aggregate.isObject()) {
            throw new ImportException(where + ": metrics.aggregate_metrics is missing");
        }
        double tok = Values.throughput(Values.number(aggregate, "average_tokens_per_second", where), where);
        double ttft = Values.nonNegative(Values.number(aggregate, "average_ttft_ms", where), where + " average_ttft_ms");
        Double tokens = Values.optionalNumber(aggregate, "total_tokens_generated", where);
        return new ParsedCall(tok, ttft, tokens == null ? null : tokens.intValue(),
                Values.optionalNumber(aggregate, "total_duration_ms", where), null, null, null);
    }
}
