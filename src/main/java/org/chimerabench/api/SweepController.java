package org.chimerabench.api;

import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.exchange.ReportService;
import org.chimerabench.sweep.SweepDetails;
import org.chimerabench.sweep.SweepService;
import org.chimerabench.sweep.SweepSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sweeps and their analysis (architecture.md §7). */
@RestController
@RequestMapping("/api/sweeps")
class SweepController {

    private final SweepService sweeps;
    private final AnalysisService analysis;
    private final ReportService reports;

    SweepController(SweepService sweeps, AnalysisService analysis, ReportService reports) {
        this.sweeps = sweeps;
        this.analysis = analysis;
        this.reports = reports;
    }

    @GetMapping
    List<SweepSummary> list() {
        return sweeps.list();
    }

    @GetMapping("/{id}")
    SweepDetails get(@PathVariable long id) {
        return sweeps.find(id).orElseThrow(() -> notFound(id));
    }

    @GetMapping("/{id}/analysis")
    SweepAnalysis analysis(@PathVariable long id) {
        return analysis.analyse(id).orElseThrow(() -> notFound(id));
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
