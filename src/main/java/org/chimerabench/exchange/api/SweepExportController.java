package org.chimerabench.exchange.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.base.SweepRequests;
import org.chimerabench.exchange.CallsCsv;
import org.chimerabench.exchange.ConfigurationsCsv;
import org.chimerabench.exchange.ReportService;
import org.chimerabench.execution.CallExport;
import org.chimerabench.execution.CallService;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sweep's downloads: its calls (JSON or CSV), its configurations CSV and its Markdown report
 * (docs/architecture.md §7).
 */
@RestController
@RequestMapping("/api/sweeps")
@Tag(name = "sweep-controller")
class SweepExportController {

    private final SweepService sweeps;
    private final AnalysisService analysis;
    private final ReportService reports;
    private final CallService calls;

    SweepExportController(SweepService sweeps, AnalysisService analysis, ReportService reports, CallService calls) {
        this.sweeps = sweeps;
        this.analysis = analysis;
        this.reports = reports;
        this.calls = calls;
    }

    /** Every stored call (JSON). */
    @GetMapping(value = "/{id}/calls", produces = "application/json")
    List<CallExport> calls(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        return calls.export(id);
    }

    /** Every stored call (CSV, with {@code Accept: text/csv}). */
    @GetMapping(value = "/{id}/calls", produces = "text/csv")
    ResponseEntity<String> callsCsv(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        return csv(CallsCsv.write(calls.export(id)), "sweep-" + id + "-calls.csv");
    }

    /** One row per configuration: a column per axis, then the measures; re-importable. */
    @GetMapping(value = "/{id}/configurations.csv", produces = "text/csv")
    ResponseEntity<String> configurationsCsv(@PathVariable long id) {
        SweepDetails sweep = sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        List<String> axes = sweep.definition().axes().stream().map(SweepDetails.AxisDefinition::option).toList();
        return csv(ConfigurationsCsv.write(axes, analysis.analyse(id).orElseThrow(() -> SweepRequests.notFound(id))),
                "sweep-" + id + "-configurations.csv");
    }

    private static ResponseEntity<String> csv(String body, String fileName) {
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"").body(body);
    }

    /** The technical report in Markdown. */
    @GetMapping(value = "/{id}/report.md", produces = "text/markdown;charset=UTF-8")
    String report(@PathVariable long id) {
        return reports.markdown(id).orElseThrow(() -> SweepRequests.notFound(id));
    }
}
