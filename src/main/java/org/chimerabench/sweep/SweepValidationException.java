package org.chimerabench.sweep;

import java.util.LinkedHashMap;
import java.util.Map;

/** A sweep definition that cannot be saved: one message per wrong field (e.g. {@code axes.num_gpu}). */
public class SweepValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public SweepValidationException(Map<String, String> fieldErrors) {
        super(fieldErrors.size() + " field(s) are invalid: " + String.join("; ", fieldErrors.values()));
        this.fieldErrors = new LinkedHashMap<>(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
