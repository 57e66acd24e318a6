package org.chimerabench.notify;

import java.util.Map;

/** A hook or subscription that cannot be stored, with the problem per field. */
public class HookValidationException extends RuntimeException {

    private final transient Map<String, String> fields;

    public HookValidationException(Map<String, String> fields) {
        super("Invalid: " + String.join(", ", fields.keySet()));
        this.fields = Map.copyOf(fields);
    }

    public Map<String, String> fields() {
        return fields;
    }
}
