package org.chimerabench.exchange.api;

import java.util.List;
import org.chimerabench.exchange.ExampleService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/examples/chimeraforge}: load the bundled published example (201), or find it (200). */
@RestController
@RequestMapping("/api/examples")
class ExampleController {

    private final ExampleService examples;

    ExampleController(ExampleService examples) {
        this.examples = examples;
    }

    record Loaded(List<Long> sweepIds) {
    }

    @PostMapping("/chimeraforge")
    ResponseEntity<Loaded> chimeraforge() {
        ExampleService.Loaded loaded = examples.loadChimeraforge();
        return ResponseEntity.status(loaded.created() ? HttpStatus.CREATED : HttpStatus.OK)
                .body(new Loaded(loaded.sweepIds()));
    }
}
