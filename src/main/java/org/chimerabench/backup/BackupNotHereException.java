package org.chimerabench.backup;

/** The database is not one the app copies itself (PostgreSQL: pg_dump does); the message says what to use. */
public class BackupNotHereException extends RuntimeException {

    public BackupNotHereException(String message) {
        super(message);
    }
}
