package org.chimerabench.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Recognises which seed format a file is in (by content, not by name) and parses it. */
final class ResultsFileReader {

    private static final ObjectMapper JSON = new ObjectMapper();

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
        } catch (JsonProcessingException e) {
            throw new ImportException(name + ": not valid JSON (" + e.getOriginalMessage() + ", line "
                    + e.getLocation().getLineNr() + ")", e);
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
