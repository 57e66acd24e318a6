package org.chimerabench.endpoint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the last background check of an endpoint found. {@code reachable} is null while the first check runs.
 */
public record EndpointStatus(Boolean reachable, String version, List<InstalledModel> models,
                             List<LoadedModelSummary> loaded, OffsetDateTime checkedAt, String error) {

    public static EndpointStatus checking() {
        return new EndpointStatus(null, null, List.of(), List.of(), null, null);
    }

    /** A model from {@code /api/tags}; {@code digest} null when the server does not say. */
    public record InstalledModel(String name, long sizeBytes, String parameterSize, String quantization,
                                 String digest) {
    }

    /** A model from {@code /api/ps}, with the share of it in GPU memory. */
    public record LoadedModelSummary(String name, long sizeBytes, long sizeVramBytes, Double gpuOffloadPct) {
    }
}
