package org.chimerabench.endpoint.api;

import java.util.List;
import org.chimerabench.endpoint.EndpointEventView;
import org.chimerabench.endpoint.EndpointEvents;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Ollama endpoints (docs/architecture.md §7). Registering and removing are for administrators. */
@RestController
@RequestMapping("/api/endpoints")
class EndpointController {

    private final EndpointService endpoints;
    private final EndpointEvents events;

    EndpointController(EndpointService endpoints, EndpointEvents events) {
        this.endpoints = endpoints;
        this.events = events;
    }

    /**
     * What changed on the endpoint (version, model digests, GPU placement, server settings), newest first, at most
     * {@code limit} (1–1000, default 200) → 200; 404 unknown.
     */
    @GetMapping("/{id}/events")
    List<EndpointEventView> events(@PathVariable long id, @RequestParam(defaultValue = "200") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "limit must be 1–1000, got " + limit);
        }
        endpoints.findById(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "There is no endpoint " + id));
        return events.list(id, limit);
    }

    record NewEndpoint(String name, String baseUrl, String notes) {
    }

    @GetMapping
    List<EndpointView> list() {
        return endpoints.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    EndpointView add(@RequestBody NewEndpoint request) {
        return endpoints.add(request.name(), request.baseUrl(), request.notes());
    }

    record NewServerSettings(String serverSettings) {
    }

    /** Admin: the endpoint's server settings, {@code NAME=value} per line → 200 with the endpoint; 404 unknown. */
    @PutMapping("/{id}/server-settings")
    EndpointView serverSettings(@PathVariable long id, @RequestBody NewServerSettings request) {
        return endpoints.setServerSettings(id, request.serverSettings()).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no endpoint " + id));
    }

    /** Removes an endpoint → 204; 404 unknown; 409 while a sweep is queued or running on it. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> remove(@PathVariable long id) {
        if (!endpoints.remove(id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no endpoint " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
