package org.chimerabench.endpoint;

import java.time.OffsetDateTime;
import java.util.List;

/** An endpoint with its current status (REST {@code GET /api/endpoints}; field names are the contract). */
public record EndpointView(long id, String name, String baseUrl, String notes, boolean simulated, Boolean reachable,
                           String version, List<EndpointStatus.InstalledModel> models,
                           List<EndpointStatus.LoadedModelSummary> loaded, OffsetDateTime checkedAt, String error) {

    static EndpointView of(Endpoint endpoint, EndpointStatus status) {
        return new EndpointView(endpoint.getId(), endpoint.getName(), endpoint.getBaseUrl(), endpoint.getNotes(),
                endpoint.isSimulated(), status.reachable(), status.version(), status.models(), status.loaded(),
                status.checkedAt(), status.error());
    }
}
