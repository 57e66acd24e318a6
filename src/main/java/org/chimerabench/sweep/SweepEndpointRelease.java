package org.chimerabench.sweep;

import java.util.List;
import org.chimerabench.endpoint.EndpointInUseException;
import org.chimerabench.endpoint.EndpointRemoving;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When an endpoint is removed, sweeps let go of it: their stored calls keep its name, the sweeps forget the
 * reference (execution's trials let go of it in {@code TrialEndpointRelease}, in the same transaction). A sweep
 * that is queued or running on it vetoes the removal.
 */
@Component
class SweepEndpointRelease {

    private final JdbcClient jdbc;

    SweepEndpointRelease(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void release(EndpointRemoving removing) {
        List<String> active = jdbc.sql("""
                        SELECT DISTINCT s.name FROM sweep s LEFT JOIN sweep_endpoint se ON se.sweep_id = s.id
                        WHERE (s.endpoint_id = :id OR se.endpoint_id = :id) AND s.status IN ('QUEUED', 'RUNNING')
                        ORDER BY s.name""")
                .param("id", removing.endpointId()).query(String.class).list();
        if (!active.isEmpty()) {
            throw new EndpointInUseException(removing.name() + " is in use by "
                    + (active.size() == 1 ? "the sweep " : "the sweeps ") + String.join(", ", active)
                    + "; cancel or finish " + (active.size() == 1 ? "it" : "them") + " first");
        }
        jdbc.sql("DELETE FROM sweep_endpoint WHERE endpoint_id = ?").param(removing.endpointId()).update();
        jdbc.sql("UPDATE sweep SET endpoint_id = NULL WHERE endpoint_id = ?").param(removing.endpointId()).update();
    }
}
