package org.chimerabench.endpoint;

import java.util.Map;

/** An endpoint that cannot be saved; {@code fieldErrors} says which field is wrong and why. Nothing was stored. */
public class EndpointValidationException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public EndpointValidationException(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
