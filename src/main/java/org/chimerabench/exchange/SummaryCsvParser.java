package org.chimerabench.exchange;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;
import org.chimerabench.exchange.ParsedSweep.ParsedCall;
import org.chimerabench.exchange.ParsedSweep.ParsedConfiguration;
import org.chimerabench.exchange.ParsedSweep.ParsedTrial;

/**
 * The seed summary CSV: one row per (language, configuration) with the mean tok/s and TTFT of both arms.
 * One sweep per {@code language} (label = language); axes num_gpu ← gpu, num_ctx ← ctx,
 * temperature ← temp; one trial per arm.
 */
final class SummaryCsvParser {

    static final List<String> REQUIRED_COLUMNS = List.of("language", "gpu", "ctx", "temp", "baseline_tok_s",
            "chimera_tok_s", "baseline_ttft_ms", "chimera_ttft_ms");

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private SummaryCsvParser() {
    }

    static List<ParsedSweep> parse(String fileName, String text) {
        Map<String, List<ParsedConfiguration>> byLanguage = new LinkedHashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> rows = MAPPER.readerForMapOf(String.class).with(schema)
                .readValues(text)) {
            checkColumns(fileName, rows);
            int line = 1;
            while (rows.hasNextValue()) {
                line++;
                Map<String, String> row = rows.nextValue();
                String where = fileName + ", row " + line;
                String language = row.get("language");
                if (language == null || language.isBlank()) {
                    throw new ImportException(where + ": column 'language' is empty");
                }
                byLanguage.computeIfAbsent(language.strip(), l -> new ArrayList<>()).add(configuration(row, where));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportException importException) {
                throw importException;
            }
            throw new ImportException(fileName + ": not a readable CSV file (" + rootMessage(e) + ")", e);
        }
        if (byLanguage.isEmpty()) {
            throw new ImportException(fileName + ": the CSV has a header but no data rows");
        }
        List<ParsedSweep> sweeps = new ArrayList<>();
        byLanguage.forEach((language, configurations) -> sweeps.add(
                new ParsedSweep(language, null, Values.SEED_FIXED_DEFAULTS, configurations)));
        return sweeps;
    }

    private static void checkColumns(String fileName, MappingIterator<Map<String, String>> rows) {
        CsvSchema header = (CsvSchema) rows.getParserSchema();
        List<String> missing = new ArrayList<>(REQUIRED_COLUMNS);
        if (header != null) {
            header.forEach(column -> missing.remove(column.getName().strip()));
        }
        if (!missing.isEmpty()) {
            throw new ImportException(fileName + ": missing column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + " (the seed summary CSV needs " + String.join(",", REQUIRED_COLUMNS)
                    + ")");
        }
    }

    private static ParsedConfiguration configuration(Map<String, String> row, String where) {
        Map<String, Object> options = new LinkedHashMap<>();
        options.put("num_gpu", Values.wholeNumber(row.get("gpu"), where + ", column gpu"));
        options.put("num_ctx", Values.wholeNumber(row.get("ctx"), where + ", column ctx"));
        options.put("temperature", Values.number(row.get("temp"), where + ", column temp"));
        List<ParsedTrial> trials = List.of(
                new ParsedTrial(Arm.BASELINE, 1, call(row, "baseline", where)),
                new ParsedTrial(Arm.CHIMERA, 1, call(row, "chimera", where)));
        return new ParsedConfiguration(options, trials, where);
    }

    private static ParsedCall call(Map<String, String> row, String arm, String where) {
        double tok = Values.throughput(Values.number(row.get(arm + "_tok_s"), where + ", column " + arm + "_tok_s"),
                where + ", column " + arm + "_tok_s");
        double ttft = Values.nonNegative(Values.number(row.get(arm + "_ttft_ms"), where + ", column " + arm + "_ttft_ms"),
                where + ", column " + arm + "_ttft_ms");
        Integer tokens = optional(row, arm + "_tokens", where) == null ? null
                : Values.wholeNumber(row.get(arm + "_tokens"), where + ", column " + arm + "_tokens");
        Double duration = optional(row, arm + "_duration_ms", where);
        return new ParsedCall(tok, ttft, tokens, duration, null, null, null);
    }

    private static Double optional(Map<String, String> row, String column, String where) {
        String text = row.get(column);
        if (text == null || text.isBlank()) {
            return null;
        }
        return Values.nonNegative(Values.number(text, where + ", column " + column), where + ", column " + column);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
