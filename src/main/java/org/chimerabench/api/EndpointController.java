package org.chimerabench.api;

import java.util.List;
import java.util.Map;
import org.chimerabench.endpoint.EndpointService;
import org.chimerabench.endpoint.EndpointValidationException;
import org.chimerabench.endpoint.EndpointView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Ollama endpoints (docs/architecture.md §7). Registering will be admin-only once login exists. */
@RestController
@RequestMapping("/api/endpoints")
class EndpointController {

    private final EndpointService endpoints;

    EndpointController(EndpointService endpoints) {
        this.endpoints = endpoints;
    }

    record NewEndpoint(String name, String baseUrl, String notes) {
    }

    record FieldErrors(int status, String error, Map<String, String> fields) {
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

    @ExceptionHandler(EndpointValidationException.class)
    ResponseEntity<FieldErrors> invalid(EndpointValidationException e) {
        return ResponseEntity.badRequest().body(new FieldErrors(400, e.getMessage(), e.fieldErrors()));
    }
}
