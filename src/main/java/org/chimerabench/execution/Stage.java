package org.chimerabench.execution;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/**
 * The step of the agent workflow a call belongs to: the analysis call, then the report call (single-prompt calls
 * have no stage). Stored and exported as {@code analysis} / {@code report}.
 */
public enum Stage {
    ANALYSIS("analysis"), REPORT("report");

    private final String stored;

    Stage(String stored) {
        this.stored = stored;
    }

    /** The stored and exported name, also how a person reads it. */
    @JsonValue
    public String label() {
        return stored;
    }

    /** The stage of a stored name; null for null (a single-prompt call). */
    public static Stage ofStored(String stored) {
        if (stored == null) {
            return null;
        }
        return Arrays.stream(values()).filter(stage -> stage.stored.equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown stage " + stored));
    }

    /** Keeps the column's values {@code analysis} / {@code report}. */
    @Converter
    static final class Column implements AttributeConverter<Stage, String> {

        @Override
        public String convertToDatabaseColumn(Stage stage) {
            return stage == null ? null : stage.stored;
        }

        @Override
        public Stage convertToEntityAttribute(String stored) {
            return ofStored(stored);
        }
    }
}
