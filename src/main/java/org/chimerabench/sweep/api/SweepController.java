package org.chimerabench.sweep.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.chimerabench.base.SweepRequests;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepSummary;
import org.chimerabench.sweep.SweepValidationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sweeps themselves: list, create, read, delete, the equivalence margin (docs/architecture.md §7). A sweep's run
 * (start, cancel), analysis, exports and report are served beside the features that make them
 * ({@code execution.api}, {@code analysis.api}, {@code exchange.api}), under the same path and OpenAPI tag.
 */
@RestController
@RequestMapping("/api/sweeps")
class SweepController {

    private final SweepService sweeps;

    private final ObjectMapper json;

    SweepController(SweepService sweeps, ObjectMapper json) {
        this.json = json;
        this.sweeps = sweeps;
    }

    @GetMapping
    List<SweepSummary> list() {
        return sweeps.list();
    }

    record Created(long id) {
    }

    /** Creates a sweep from a definition → 201 {"id":…}; 400 with one message per wrong field. */
    @org.springframework.web.bind.annotation.PostMapping
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.CREATED)
    @io.swagger.v3.oas.annotations.Operation(summary = "Create a sweep (DRAFT) from a definition",
            description = "201 {\"id\":…}; 400 with fields (one message per wrong field), nothing stored",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/json",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(
                                    implementation = SweepDefinition.class))))
    Created create(@org.springframework.web.bind.annotation.RequestBody JsonNode body) {
        return new Created(sweeps.create(SweepDefinitions.read(body, json)));
    }

    /** Deletes a sweep with its trials and calls → 204; 403 someone else's (unless admin); 409 while active. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        sweeps.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * Sets the margin of "no practical difference" → 200 with the sweep; 400 unless a number in (0, 50];
     * operators only.
     */
    @org.springframework.web.bind.annotation.PutMapping("/{id}/equivalence-margin")
    @io.swagger.v3.oas.annotations.Operation(summary = "Set the sweep's equivalence margin (%)",
            description = "Body {\"equivalenceMarginPct\": 1}; 0 < margin ≤ 50. Changes the verdict, not the calls.")
    SweepDetails setEquivalenceMargin(@PathVariable long id,
                                      @org.springframework.web.bind.annotation.RequestBody JsonNode body) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        JsonNode margin = body == null ? null : body.get("equivalenceMarginPct");
        if (margin == null || !margin.isNumber()) {
            throw new SweepValidationException(Map.of("equivalenceMarginPct",
                    "Give the margin as a number of %, e.g. {\"equivalenceMarginPct\": 1}"));
        }
        sweeps.setEquivalenceMargin(id, margin.doubleValue());
        return sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
    }

    @GetMapping("/{id}")
    SweepDetails get(@PathVariable long id) {
        return sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
    }
}
