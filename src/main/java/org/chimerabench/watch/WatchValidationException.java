package org.chimerabench.watch;

import java.util.Map;
import java.util.TreeMap;

/** A watch that cannot be made as asked, with the problem per field; nothing was stored. */
public class WatchValidationException extends RuntimeException {

    private final transient Map<String, String> fieldErrors;

    public WatchValidationException(Map<String, String> fieldErrors) {
        super("The watch is not valid: " + String.join("; ", new TreeMap<>(fieldErrors).values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
