package org.chimerabench.tune.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.chimerabench.tune.TuningReport;
import org.chimerabench.tune.TuningRequest;
import org.chimerabench.tune.TuningService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Tunings over REST (docs/architecture.md §4.3); the role checks are the service's. */
@RestController
@RequestMapping("/api/tunings")
@Tag(name = "Tunings", description = "Find the best options for a model on one endpoint: proposed, raced, confirmed")
class TuningController {

    private final TuningService tunings;

    TuningController(TuningService tunings) {
        this.tunings = tunings;
    }

    @PostMapping
    @Operation(summary = "Start a tuning (operators)")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) TuningRequest request) {
        long id = tunings.create(request);
        return ResponseEntity.created(URI.create("/api/tunings/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "Every tuning, newest first")
    List<TuningReport> list() {
        return tunings.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A tuning: status, stages (sweeps), calls used, the answer")
    TuningReport get(@PathVariable long id) {
        return tunings.report(id).orElseThrow(() -> new NoSuchElementException("there is no tuning " + id));
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running tuning (its owner or an admin)")
    ResponseEntity<Void> cancel(@PathVariable long id) {
        tunings.cancel(id);
        return ResponseEntity.status(HttpStatus.ACCEPTED).build();
    }
}
