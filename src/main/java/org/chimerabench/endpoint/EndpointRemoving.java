package org.chimerabench.endpoint;

/**
 * Published (synchronously, inside the removal's transaction) just before an endpoint is deleted: whoever refers
 * to it lets go, or vetoes the removal with an {@link EndpointValidationException} that says why.
 */
public record EndpointRemoving(long endpointId, String name) {
}
