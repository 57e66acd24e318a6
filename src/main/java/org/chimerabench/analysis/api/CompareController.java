package org.chimerabench.analysis.api;

import org.chimerabench.analysis.ComparisonService;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.base.SweepRequests;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code GET /api/compare?a={id}&b={id}} (docs/architecture.md §7). The comparison's Markdown report is
 * {@code exchange.api}'s, where reports are written.
 */
@RestController
class CompareController {

    private final ComparisonService comparisons;

    CompareController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/compare")
    SweepComparison compare(@RequestParam long a, @RequestParam long b) {
        SweepRequests.requireTwo(a, b);
        return comparisons.compare(a, b).orElseThrow(() -> notFound(a, b));
    }

    private static ResponseStatusException notFound(long a, long b) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + a + " or no sweep " + b);
    }
}
