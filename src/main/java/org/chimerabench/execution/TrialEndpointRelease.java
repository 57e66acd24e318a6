package org.chimerabench.execution;

import org.chimerabench.endpoint.EndpointRemoving;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an endpoint is removed, the trials it ran forget the reference (their calls keep the endpoint's name).
 * Runs in the removal's transaction, so a veto by the sweep feature (a sweep still runs on it) undoes it.
 */
@Component
class TrialEndpointRelease {

    private final JdbcClient jdbc;

    TrialEndpointRelease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void release(EndpointRemoving removing) {
        jdbc.sql("UPDATE trial SET endpoint_id = NULL WHERE endpoint_id = ?").param(removing.endpointId()).update();
    }
}
