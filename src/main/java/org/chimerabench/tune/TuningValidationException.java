package org.chimerabench.tune;

import java.util.Map;
import java.util.TreeMap;

/** A tuning request that cannot be run as asked: one message per wrong field; nothing was stored. */
public class TuningValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public TuningValidationException(Map<String, String> fieldErrors) {
        super("The tuning is not valid: " + String.join("; ", new TreeMap<>(fieldErrors).values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
