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
 * The Rust agent's {@code metrics.json}: {@code baseline} and {@code chimera} objects, each with
 * {@code individual_runs[]} (one trial per run) and the chimera {@code configuration} (options sent).
 */
final class RustMetricsParser {

    private RustMetricsParser() {
    }

    static boolean accepts(JsonNode root) {
        return root.isObject() && root.path("baseline").has("individual_runs")
                && root.path("chimera").has("individual_runs");
    }

    static ParsedSweep parse(String fileName, JsonNode root) {
        JsonNode configuration = root.path("chimera").path("configuration");
        if (!configuration.isObject() || configuration.isEmpty()) {
            throw new ImportException(fileName + ": chimera.configuration (the options sent) is missing or empty");
        }
        Map<String, Object> options = new LinkedHashMap<>();
        Map<String, Object> fixed = new LinkedHashMap<>();
        for (String key : List.of("num_gpu", "num_ctx", "temperature")) {
            if (configuration.has(key)) {
                options.put(key, Values.optionValue(configuration.get(key), fileName + ", chimera.configuration." + key));
            }
        }
        configuration.fields().forEachRemaining(field -> {
            Object value = Values.optionValue(field.getValue(), fileName + ", chimera.configuration." + field.getKey());
            if (Values.SEED_FIXED_OPTIONS.contains(field.getKey())) {
                fixed.put(field.getKey(), value);
            } else {
                options.putIfAbsent(field.getKey(), value);
            }
        });
        List<ParsedTrial> trials = new ArrayList<>();
        trials.addAll(runs(fileName, root.path("baseline"), Arm.BASELINE));
        trials.addAll(runs(fileName, root.path("chimera"), Arm.CHIMERA));
        String label = root.path("language").asText("rust");
        String model = root.path("chimera").path("model").asText(null);
        return new ParsedSweep(label.isBlank() ? "rust" : label, model, fixed,
                List.of(new ParsedConfiguration(options, trials, fileName)));
    }

    private static List<ParsedTrial> runs(String fileName, JsonNode arm, Arm which) {
        JsonNode runs = arm.path("individual_runs");
        String name = which.name().toLowerCase();
        if (!runs.isArray() || runs.isEmpty()) {
            throw new ImportException(fileName + ": " + name + ".individual_runs has no runs");
        }
        List<ParsedTrial> trials = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            JsonNode run = runs.get(i);
            String where = fileName + ", " + name + ".individual_runs[" + i + "]";
            double tok = Values.throughput(Values.number(run, "throughput_tokens_per_sec", where), where);
            double ttft = Values.nonNegative(Values.number(run, "ttft_ms", where), where + " ttft_ms");
            Double tokens = Values.optionalNumber(run, "tokens_generated", where);
            trials.add(new ParsedTrial(which, i + 1, new ParsedCall(tok, ttft,
                    tokens == null ? null : tokens.intValue(),
                    Values.optionalNumber(run, "total_duration_ms", where),
                    Values.optionalNumber(run, "load_duration_ms", where),
                    Values.optionalNumber(run, "prompt_eval_duration_ms", where),
                    Values.optionalNumber(run, "eval_duration_ms", where))));
        }
        return trials;
    }
}
