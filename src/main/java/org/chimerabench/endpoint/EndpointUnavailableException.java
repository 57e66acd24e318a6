package org.chimerabench.endpoint;

/** An endpoint does not answer (down, refused, timed out). Not a conflict: REST answers 503. */
public class EndpointUnavailableException extends RuntimeException {

    public EndpointUnavailableException(String message) {
        super(message);
    }
}
