package org.chimerabench.endpoint.api;

import java.util.List;
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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Ollama endpoints (docs/architecture.md §7). Registering and removing are for administrators. */
@RestController
@RequestMapping("/api/endpoints")
class EndpointController {

    private final EndpointService endpoints;

    EndpointController(EndpointService endpoints) {
        this.endpoints = endpoints;
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
