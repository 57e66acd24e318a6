package org.chimerabench.exchange;

/** A file that cannot be imported; the message says what is wrong, for the user, naming the file. */
public class ImportException extends RuntimeException {

    public ImportException(String message) {
        super(message);
    }

    public ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
