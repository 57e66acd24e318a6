package org.chimerabench.analysis.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.analysis.SweepAnalysis;
import org.chimerabench.base.SweepRequests;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/sweeps/{id}/analysis} ({@code ?endpoint=}): the analysis of §6 (docs/architecture.md §7). */
@RestController
@RequestMapping("/api/sweeps")
@Tag(name = "sweep-controller")
class SweepAnalysisController {

    private final AnalysisService analysis;

    SweepAnalysisController(AnalysisService analysis) {
        this.analysis = analysis;
    }

    @GetMapping("/{id}/analysis")
    SweepAnalysis analysis(@PathVariable long id,
                           @RequestParam(required = false) String endpoint) {
        SweepAnalysis all = analysis.analyse(id).orElseThrow(() -> SweepRequests.notFound(id));
        if (endpoint == null) {
            return all;
        }
        List<String> known = analysis.endpoints(id);
        if (!known.contains(endpoint)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Sweep " + id + " has no calls from endpoint '"
                    + endpoint + "'; its endpoints: " + String.join(", ", known));
        }
        return analysis.analyse(id, endpoint).orElseThrow(() -> SweepRequests.notFound(id));
    }
}
