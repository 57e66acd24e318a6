package org.chimerabench.exchange.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.chimerabench.analysis.ComparisonService;
import org.chimerabench.base.SweepRequests;
import org.chimerabench.exchange.ComparisonReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/compare/report.md?a={id}&b={id}}: the comparison as a Markdown report (docs/architecture.md §7). */
@RestController
@Tag(name = "compare-controller")
class CompareReportController {

    private final ComparisonService comparisons;

    CompareReportController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping(value = "/api/compare/report.md", produces = "text/markdown;charset=UTF-8")
    String report(@RequestParam long a, @RequestParam long b) {
        SweepRequests.requireTwo(a, b);
        return ComparisonReport.write(comparisons.compare(a, b).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + a + " or no sweep " + b)));
    }
}
