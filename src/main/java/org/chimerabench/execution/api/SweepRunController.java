package org.chimerabench.execution.api;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.chimerabench.base.SweepRequests;
import org.chimerabench.execution.ExecutionService;
import org.chimerabench.sweep.SweepService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A sweep's run: {@code POST /api/sweeps/{id}/start} and {@code /cancel} → 202 (docs/architecture.md §7). */
@RestController
@RequestMapping("/api/sweeps")
@Tag(name = "sweep-controller")
class SweepRunController {

    private final SweepService sweeps;
    private final ExecutionService execution;

    SweepRunController(SweepService sweeps, ExecutionService execution) {
        this.sweeps = sweeps;
        this.execution = execution;
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void start(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        execution.start(id);
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void cancel(@PathVariable long id) {
        sweeps.find(id).orElseThrow(() -> SweepRequests.notFound(id));
        execution.cancel(id);
    }
}
