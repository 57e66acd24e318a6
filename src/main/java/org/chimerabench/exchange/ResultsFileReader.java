package org.chimerabench.exchange;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recognises which seed format a file is in (by content, not by name) and parses it. */
final class ResultsFileReader {

    /** Results files are flat: deeper than this is not a results file (and no parser should walk it). */
    static final int MAX_JSON_DEPTH = 64;
    /** The longest line of a CSV file. */
    static final int MAX_LINE_CHARS = 65_536;
    /** The most data rows of a CSV file (a sweep has at most 100,000 configurations, two arms each). */
    static final int MAX_CSV_ROWS = 200_000;

    private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_JSON_DEPTH).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build());

    private ResultsFileReader() {
    }

    record Read(SeedFormat format, List<ParsedSweep> sweeps) {
    }

    static Read read(UploadedFile file) {
        String name = file.fileName();
        String text = decode(file);
        String trimmed = text.strip();
        if (trimmed.isEmpty()) {
            throw new ImportException(name + ": the file is empty");
        }
        char first = trimmed.charAt(0);
        if (first == '{' || first == '[') {
            return readJson(name, trimmed);
        }
        checkLines(name, trimmed);
        String header = trimmed.lines().findFirst().orElse("");
        if (header.contains(",") && ConfigurationsCsv.accepts(header)) {
            return new Read(SeedFormat.CONFIGURATIONS_CSV, List.of(ConfigurationsCsv.parse(name, trimmed)));
        }
        if (header.contains(",")) {
            return new Read(SeedFormat.SUMMARY_CSV, SummaryCsvParser.parse(name, trimmed));
        }
        throw new ImportException(name + ": unrecognised format — expected the seed summary CSV (header "
                + String.join(",", SummaryCsvParser.REQUIRED_COLUMNS) + ",…), a Rust agent metrics.json or a Python"
                + " agent metrics.json");
    }

    private static Read readJson(String name, String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new ImportException(name + ": JSON nested deeper than " + MAX_JSON_DEPTH + " levels; a metrics.json"
                    + " file is flat", e);
        } catch (JsonProcessingException e) {
            throw new ImportException(name + ": not valid JSON (" + e.getOriginalMessage().lines().findFirst()
                    .orElse("") + (e.getLocation() == null ? "" : ", line " + e.getLocation().getLineNr()) + ")", e);
        }
        if (RustMetricsParser.accepts(root)) {
            return new Read(SeedFormat.RUST_METRICS_JSON, List.of(RustMetricsParser.parse(name, root)));
        }
        if (PythonMetricsParser.accepts(root)) {
            return new Read(SeedFormat.PYTHON_METRICS_JSON, List.of(PythonMetricsParser.parse(name, root)));
        }
        if (root.isArray() && root.isEmpty()) {
            throw new ImportException(name + ": the JSON array holds no runs");
        }
        throw new ImportException(name + ": JSON, but neither a Rust agent metrics.json (an object with"
                + " baseline/chimera.individual_runs) nor a Python agent metrics.json (an array of runs with"
                + " baseline_results/chimera_results)");
    }

    /** CSV limits: each line and the number of rows, said with the file's name and the line. */
    private static void checkLines(String name, String text) {
        int lines = 0;
        int start = 0;
        while (start <= text.length()) {
            int end = text.indexOf('\n', start);
            int stop = end < 0 ? text.length() : end;
            lines++;
            if (stop - start > MAX_LINE_CHARS) {
                throw new ImportException(name + ": line " + lines + " has " + (stop - start) + " characters; at most "
                        + MAX_LINE_CHARS);
            }
            if (lines > MAX_CSV_ROWS + 1) {
                throw new ImportException(name + ": more than " + MAX_CSV_ROWS + " rows; split the file");
            }
            if (end < 0) {
                break;
            }
            start = end + 1;
        }
    }

    private static String decode(UploadedFile file) {
        byte[] bytes = file.content();
        for (byte b : bytes) {
            if (b == 0) {
                throw new ImportException(file.fileName() + ": a binary file, not CSV or JSON text");
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ImportException(file.fileName() + ": not UTF-8 text, so not CSV or JSON");
        }
    }
}
