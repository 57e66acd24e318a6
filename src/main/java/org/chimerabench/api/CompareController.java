package org.chimerabench.api;

import org.chimerabench.analysis.ComparisonService;
import org.chimerabench.analysis.SweepComparison;
import org.chimerabench.exchange.ComparisonReport;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** {@code GET /api/compare?a={id}&b={id}} (docs/architecture.md §7). */
@RestController
class CompareController {

    private final ComparisonService comparisons;

    CompareController(ComparisonService comparisons) {
        this.comparisons = comparisons;
    }

    @GetMapping("/api/compare")
    SweepComparison compare(@RequestParam long a, @RequestParam long b) {
        requireTwo(a, b);
        return comparisons.compare(a, b).orElseThrow(() -> notFound(a, b));
    }

    /** The comparison as a Markdown report. */
    @GetMapping(value = "/api/compare/report.md", produces = "text/markdown;charset=UTF-8")
    String report(@RequestParam long a, @RequestParam long b) {
        requireTwo(a, b);
        return ComparisonReport.write(comparisons.compare(a, b).orElseThrow(() -> notFound(a, b)));
    }

    /** A sweep compared with itself says nothing: refused. */
    static void requireTwo(long a, long b) {
        if (a == b) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameters 'a' and 'b' are both sweep " + a
                    + "; a comparison needs two different sweeps");
        }
    }

    private static ResponseStatusException notFound(long a, long b) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "there is no sweep " + a + " or no sweep " + b);
    }
}
