package org.chimerabench.endpoint;

import java.time.OffsetDateTime;

/**
 * A change seen on an endpoint, as the REST API and the pages show it ({@code GET /api/endpoints/{id}/events}).
 * {@code before} is null the first time a value is seen; {@code description} says it in words.
 */
public record EndpointEventView(long id, long endpointId, String model, EndpointEventKind kind, String before,
                                String after, OffsetDateTime at, String description) {

    static EndpointEventView of(EndpointEvent event) {
        String what = event.getKind().label() + (event.getModel() == null ? "" : " of " + event.getModel());
        String change = event.getBefore() == null ? "first seen: " + shown(event.getKind(), event.getAfter())
                : shown(event.getKind(), event.getBefore()) + " → " + shown(event.getKind(), event.getAfter());
        return new EndpointEventView(event.getId(), event.getEndpointId(), event.getModel(), event.getKind(),
                event.getBefore(), event.getAfter(), event.getAt(), what + " " + change);
    }

    /** Whether this is a change (not the first sighting) that can make the same options run differently. */
    public boolean isRecheckTrigger() {
        return before != null && kind.triggersRecheck();
    }

    private static String shown(EndpointEventKind kind, String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        return switch (kind) {
            case DIGEST -> { // as `ollama list` shows it: 12 hex digits, without the algorithm
                String hex = value.startsWith("sha256:") ? value.substring(7) : value;
                yield hex.length() > 12 ? hex.substring(0, 12) : hex;
            }
            case PLACEMENT -> value + " %";
            case SETTINGS -> value.replace('\n', ',').replace(",", ", ");
            case VERSION -> value;
        };
    }
}
