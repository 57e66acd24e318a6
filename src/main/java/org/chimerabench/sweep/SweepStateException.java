package org.chimerabench.sweep;

/** The sweep's status forbids what was asked (start a finished sweep, cancel a draft). REST answers 409. */
public class SweepStateException extends RuntimeException {

    public SweepStateException(String message) {
        super(message);
    }
}
