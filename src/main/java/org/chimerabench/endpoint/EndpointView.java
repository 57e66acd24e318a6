package org.chimerabench.endpoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * An endpoint with its current status (REST {@code GET /api/endpoints}; field names are the contract) and the server
 * settings its admin recorded ({@code serverSettings}: name → value, in order).
 */
public record EndpointView(long id, String name, String baseUrl, String notes, boolean simulated, Boolean reachable,
                           String version, List<EndpointStatus.InstalledModel> models,
                           List<EndpointStatus.LoadedModelSummary> loaded, OffsetDateTime checkedAt, String error,
                           Map<String, String> serverSettings) {

    static EndpointView of(Endpoint endpoint, EndpointStatus status) {
        return new EndpointView(endpoint.getId(), endpoint.getName(), endpoint.getBaseUrl(), endpoint.getNotes(),
                endpoint.isSimulated(), status.reachable(), status.version(), status.models(), status.loaded(),
                status.checkedAt(), status.error(), ServerSettings.parse(endpoint.getServerSettings()));
    }
}
