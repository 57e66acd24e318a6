package org.chimerabench.api;

import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
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

    SweepController(SweepService sweeps, AnalysisService analysis) {
        this.sweeps = sweeps;
        this.analysis = analysis;
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

    private static ResponseStatusException notFound(long id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + id);
    }
}
