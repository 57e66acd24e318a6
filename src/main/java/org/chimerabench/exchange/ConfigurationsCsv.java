package org.chimerabench.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.ConfigurationResult;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.exchange.ParsedSweep.ParsedCall;
import org.chimerabench.exchange.ParsedSweep.ParsedConfiguration;
import org.chimerabench.exchange.ParsedSweep.ParsedTrial;
import org.chimerabench.execution.Arm;

/**
 * Our configurations CSV: one row per configuration, a column per axis (named by its Ollama option), then the
 * seed CSV's measures and more. Written from the analysis; read back as a fourth import format (one trial per
 * arm holding the arm means), which reproduces the analysis of a one-trial-per-arm sweep exactly.
 */
public final class ConfigurationsCsv {

    static final List<String> MEASURES = List.of("baseline_tok_s", "chimera_tok_s", "throughput_pct",
            "baseline_ttft_ms", "chimera_ttft_ms", "ttft_pct", "baseline_trials", "chimera_trials", "baseline_cv_pct",
            "chimera_cv_pct", "p_value", "q_value", "improved");

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private ConfigurationsCsv() {
    }

    public static String write(List<String> axes, SweepAnalysis analysis) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        axes.forEach(schema::addColumn);
        MEASURES.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ConfigurationResult r : analysis.configurationResults()) {
            Map<String, Object> row = new LinkedHashMap<>();
            // headers are catalogue option names (imports and the editor refuse others); values are neutralised
            axes.forEach(axis -> row.put(axis, CsvCells.neutralise(r.options().get(axis))));
            row.put("baseline_tok_s", r.throughput().baselineTokPerSec());
            row.put("chimera_tok_s", r.throughput().chimeraTokPerSec());
            row.put("throughput_pct", r.throughput().deltaPct());
            row.put("baseline_ttft_ms", r.ttft().baselineTtftMs());
            row.put("chimera_ttft_ms", r.ttft().chimeraTtftMs());
            row.put("ttft_pct", r.ttft().ttftReductionPct());
            row.put("baseline_trials", r.trials().baselineTrials());
            row.put("chimera_trials", r.trials().chimeraTrials());
            row.put("baseline_cv_pct", r.throughput().baselineCvPct());
            row.put("chimera_cv_pct", r.throughput().chimeraCvPct());
            row.put("p_value", r.significance().pValue());
            row.put("q_value", r.significance().qValue());
            row.put("improved", r.significance().improved());
            rows.add(row);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configurations CSV cannot be written", e);
        }
    }

    /** True when the header looks like ours: measures present, no {@code language} column. */
    static boolean accepts(String header) {
        List<String> columns = List.of(header.split(","));
        return columns.stream().map(String::strip).anyMatch("baseline_tok_s"::equals)
                && columns.stream().map(String::strip).noneMatch("language"::equals);
    }

    static ParsedSweep parse(String fileName, String text) {
        List<ParsedConfiguration> configurations = new ArrayList<>();
        List<String> axes = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(text)) {
            CsvSchema header = (CsvSchema) rows.getParserSchema();
            header.forEach(column -> {
                String name = column.getName().strip();
                if (!MEASURES.contains(name)) {
                    axes.add(name);
                }
            });
            List<String> missing = new ArrayList<>(List.of("baseline_tok_s", "chimera_tok_s", "baseline_ttft_ms",
                    "chimera_ttft_ms"));
            header.forEach(column -> missing.remove(column.getName().strip()));
            if (!missing.isEmpty() || axes.isEmpty()) {
                throw new ImportException(fileName + ": a configurations CSV needs axis columns and "
                        + String.join(", ", missing.isEmpty() ? List.of("at least one axis") : missing));
            }
            int line = 1;
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row = rows.nextValue();
                String where = fileName + ", row " + line;
                Map<String, Object> options = new LinkedHashMap<>();
                for (String axis : axes) {
                    options.put(axis, optionValue(row.get(axis), where + ", column " + axis));
                }
                configurations.add(new ParsedConfiguration(options, List.of(
                        new ParsedTrial(Arm.BASELINE, 1, call(row, "baseline", where)),
                        new ParsedTrial(Arm.CHIMERA, 1, call(row, "chimera", where))), where));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportException importException) {
                throw importException;
            }
            throw new ImportException(fileName + ": not a readable CSV file (" + e.getMessage() + ")", e);
        }
        if (configurations.isEmpty()) {
            throw new ImportException(fileName + ": the CSV has a header but no data rows");
        }
        String label = fileName.replaceAll("(?i)\\.csv$", "").replaceAll("(?i)[-_.]?configurations$", "");
        return new ParsedSweep(label.isBlank() ? "imported" : label, null, Map.of(), configurations);
    }

    private static ParsedCall call(Map<String, String> row, String arm, String where) {
        double tok = Values.throughput(Values.number(row.get(arm + "_tok_s"), where + ", column " + arm + "_tok_s"),
                where + ", column " + arm + "_tok_s");
        double ttft = Values.nonNegative(Values.number(row.get(arm + "_ttft_ms"), where + ", column " + arm
                + "_ttft_ms"), where + ", column " + arm + "_ttft_ms");
        return new ParsedCall(tok, ttft, null, null, null, null, null);
    }

    /** Whole numbers as integers (num_gpu=60), the rest as decimals (temperature=0.6). */
    private static Object optionValue(String cell, String where) {
        String text = CsvCells.restore(cell);
        double value = Values.number(text, where);
        String trimmed = text.strip();
        boolean integral = !trimmed.contains(".") && !trimmed.contains("e") && !trimmed.contains("E");
        return integral && Math.abs(value) < Integer.MAX_VALUE ? (Object) (int) value : value;
    }
}
