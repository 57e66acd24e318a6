package org.chimerabench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.OptionsJson;

/** Per-parameter tables: for every axis and each of its values, how its configurations fared. */
final class ParameterTables {

    private ParameterTables() {
    }

    static Map<String, List<ParameterRow>> of(Map<String, List<Object>> axes, List<ConfigurationResult> results) {
        Map<String, List<ParameterRow>> tables = new LinkedHashMap<>();
        axes.forEach((option, values) -> {
            List<ParameterRow> rows = new ArrayList<>();
            for (Object value : values) {
                String shown = OptionsJson.format(value);
                List<ConfigurationResult> matching = results.stream()
                        .filter(r -> r.options().containsKey(option)
                                && OptionsJson.format(r.options().get(option)).equals(shown))
                        .toList();
                if (!matching.isEmpty()) {
                    rows.add(row(shown, matching));
                }
            }
            tables.put(option, rows);
        });
        return tables;
    }

    private static ParameterRow row(String value, List<ConfigurationResult> matching) {
        int improved = (int) matching.stream().filter(r -> r.significance().improved()).count();
        double meanDelta = matching.stream().mapToDouble(r -> r.throughput().deltaPct()).sum() / matching.size();
        ConfigurationResult best = matching.stream().sorted(SweepAnalyzer.byThroughput()).findFirst().orElseThrow();
        return new ParameterRow(value, matching.size(), improved, improved * 100.0 / matching.size(), meanDelta,
                new ParameterRow.Best(best.configurationId(), best.options(), best.throughput().deltaPct()));
    }
}
