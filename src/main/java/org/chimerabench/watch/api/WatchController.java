package org.chimerabench.watch.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.chimerabench.watch.WatchReport;
import org.chimerabench.watch.WatchRequest;
import org.chimerabench.watch.WatchService;
import org.chimerabench.watch.WatchSummary;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Watched settings over REST (docs/architecture.md §4.4, §7); the role checks are the service's. */
@RestController
@RequestMapping("/api/watches")
@Tag(name = "Watches", description = "Settings re-checked on a schedule and whenever Ollama or the model changes")
class WatchController {

    private final WatchService watches;

    WatchController(WatchService watches) {
        this.watches = watches;
    }

    @PostMapping
    @Operation(summary = "Watch a finished sweep's configuration or a tuning's answer (operators)")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) WatchRequest request) {
        long id = watches.create(request == null ? new WatchRequest(null, null, null, null, null, null) : request);
        return ResponseEntity.created(URI.create("/api/watches/" + id)).body(Map.of("id", id));
    }

    @GetMapping
    @Operation(summary = "Every watch, newest first, with its last outcome")
    List<WatchSummary> list() {
        return watches.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A watch: its reference, every check (outcome, deltaPct, cause), its endpoint's noise and events")
    WatchReport get(@PathVariable long id) {
        return watches.report(id).orElseThrow(() -> new NoSuchElementException("there is no watch " + id));
    }

    @PostMapping("/{id}/check")
    @Operation(summary = "Re-check now (operators); 409 while a check runs")
    ResponseEntity<Map<String, Object>> check(@PathVariable long id) {
        long checkId = watches.checkNow(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "A check of watch " + id + " is running; wait for it"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("checkId", checkId));
    }

    @PostMapping("/{id}/calibrate")
    @Operation(summary = "Run an A/A check (Ollama's defaults against themselves) now (operators); 409 while a check runs")
    ResponseEntity<Map<String, Object>> calibrate(@PathVariable long id) {
        long checkId = watches.calibrate(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT,
                "A check of watch " + id + " is running; wait for it"));
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("checkId", checkId));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Stop watching (its owner or an admin) → 204; 404 unknown")
    ResponseEntity<Void> delete(@PathVariable long id) {
        if (!watches.delete(id)) {
            throw new NoSuchElementException("there is no watch " + id);
        }
        return ResponseEntity.noContent().build();
    }
}
