package org.chimerabench.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.OptionsJson;
import org.chimerabench.execution.CallExport;

/** The raw calls of a sweep as CSV: the same columns as the JSON export, {@code options} as a JSON object. */
public final class CallsCsv {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CallsCsv() {
    }

    public static String write(List<CallExport> calls) {
        List<String> columns = new ArrayList<>();
        for (var component : CallExport.class.getRecordComponents()) {
            columns.add(component.getName());
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        columns.forEach(schema::addColumn);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (CallExport call : calls) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (var component : CallExport.class.getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(call);
                    row.put(component.getName(), CsvCells.neutralise(value instanceof Map<?, ?> map
                            ? OptionsJson.write(castOptions(map)) : value));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            rows.add(row);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("calls CSV cannot be written", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castOptions(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}
