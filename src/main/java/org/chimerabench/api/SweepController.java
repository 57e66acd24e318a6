package org.chimerabench.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.exchange.CallsCsv;
import org.chimerabench.exchange.ConfigurationsCsv;
import org.chimerabench.exchange.ReportService;
import org.chimerabench.execution.CallExport;
import org.chimerabench.execution.CallService;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.sweep.SweepDefinition;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepSummary;
import org.chimerabench.sweep.SweepValidationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sweeps and their analysis (docs/architecture.md §7). */
@RestController
@RequestMapping("/api/sweeps")
class SweepController {

    private final SweepService sweeps;
    private final AnalysisService analysis;
    private final ReportService reports;
    private final CallService calls;
    private final ExecutionService execution;

    private final ObjectMapper json;

    SweepController(SweepService sweeps, AnalysisService analysis, ReportService reports, CallService calls,
                    ExecutionService execution, ObjectMapper json) {
        this.json = json;
        this.sweeps = sweeps;
        this.analysis = analysis;
        this.reports = reports;
        this.calls = calls;
        this.execution = execution;
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

    @org.springframework.web.bind.annotation.PostMapping("/{id}/start")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    void start(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> notFound(id));
        execution.start(id);
    }

    @org.springframework.web.bind.annotation.PostMapping("/{id}/cancel")
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    void cancel(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> notFound(id));
        execution.cancel(id);
    }

    /** Deletes a sweep with its trials and calls → 204; 403 someone else's (unless admin); 409 while active. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> notFound(id));
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
        sweeps.find(id).orElseThrow(() -> notFound(id));
        JsonNode margin = body == null ? null : body.get("equivalenceMarginPct");
        if (margin == null || !margin.isNumber()) {
            throw new SweepValidationException(Map.of("equivalenceMarginPct",
                    "Give the margin as a number of %, e.g. {\"equivalenceMarginPct\": 1}"));
        }
        sweeps.setEquivalenceMargin(id, margin.doubleValue());
        return sweeps.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}")
    SweepDetails get(@PathVariable long id) {
        return sweeps.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/analysis")
    SweepAnalysis analysis(@PathVariable long id,
                           @RequestParam(required = false) String endpoint) {
        SweepAnalysis all = analysis.analyse(id).orElseThrow(() -> notFound(id));
        if (endpoint == null) {
            return all;
        }
        List<String> known = analysis.endpoints(id);
        if (!known.contains(endpoint)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Sweep " + id + " has no calls from endpoint '"
                    + endpoint + "'; its endpoints: " + String.join(", ", known));
        }
        return analysis.analyse(id, endpoint).orElseThrow(() -> notFound(id));
    }

    /** Every stored call (JSON). */
    @GetMapping(value = "/{id}/calls", produces = "application/json")
    List<CallExport> calls(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> notFound(id));
        return calls.export(id);
    }

    /** Every stored call (CSV, with {@code Accept: text/csv}). */
    @GetMapping(value = "/{id}/calls", produces = "text/csv")
    ResponseEntity<String> callsCsv(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> notFound(id));
        return csv(CallsCsv.write(calls.export(id)), "sweep-" + id + "-calls.csv");
    }

    /** One row per configuration: a column per axis, then the measures; re-importable. */
    @GetMapping(value = "/{id}/configurations.csv", produces = "text/csv")
    ResponseEntity<String> configurationsCsv(@PathVariable long id) {
        SweepDetails sweep = sweeps.find(id).orElseThrow(() -> notFound(id));
        List<String> axes = sweep.definition().axes().stream().map(SweepDetails.AxisDefinition::option).toList();
        return csv(ConfigurationsCsv.write(axes, analysis.analyse(id).orElseThrow(() -> notFound(id))),
                "sweep-" + id + "-configurations.csv");
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }

    /** The technical report in Markdown. */
    @GetMapping(value = "/{id}/report.md", produces = "text/markdown;charset=UTF-8")
    String report(@PathVariable long id) {
        return reports.markdown(id).orElseThrow(() -> notFound(id));
    }

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + id);
    }
}
