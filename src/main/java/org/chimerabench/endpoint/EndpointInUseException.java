package org.chimerabench.endpoint;

import java.util.Map;

/** The endpoint cannot be removed while a sweep is queued or running on it (REST answers 409). */
public class EndpointInUseException extends EndpointValidationException {

    public EndpointInUseException(String message) {
        super(Map.of("id", message));
    }
}
