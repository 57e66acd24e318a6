package org.chimerabench.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.chimerabench.base.Access;
import org.chimerabench.base.AuditAction;
import org.chimerabench.base.AuditTrail;
import org.chimerabench.sweep.SweepLifecycle;
import org.chimerabench.sweep.SweepService;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The published example the app ships (TR111, Chimeraforge, MIT; {@code classpath:examples/chimeraforge/}): the
 * Rust and the Python agent sweep, each imported from its 18 {@code metrics.json} files — the agents' own output
 * per configuration, with every run's durations and token counts, rather than the summary CSV derived from them.
 * Loading it twice finds the sweeps of the first time (each carries its example key).
 */
@Service
public class ExampleService {

    /** The example's sweeps, in the order they are compared (A = Rust, B = Python). */
    static final List<Part> CHIMERAFORGE = List.of(
            new Part("chimeraforge:rust", "rust-agent-sweep", "TR111 example: Rust agent"),
            new Part("chimeraforge:python", "python-agent-sweep", "TR111 example: Python agent"));

    private static final String FOLDER = "classpath:examples/chimeraforge/";

    private final ImportService imports;
    private final SweepService sweeps;
    private final SweepLifecycle lifecycle;
    private final TransactionTemplate tx;
    private final AuditTrail audit;

    ExampleService(ImportService imports, SweepService sweeps, SweepLifecycle lifecycle, TransactionTemplate tx,
                   AuditTrail audit) {
        this.audit = audit;
        this.imports = imports;
        this.sweeps = sweeps;
        this.lifecycle = lifecycle;
        this.tx = tx;
    }

    /** What loading the example gave: the sweeps' ids (Rust, then Python) and whether any was imported now. */
    public record Loaded(List<Long> sweepIds, boolean created) {

        public long rust() {
            return sweepIds.get(0);
        }

        public long python() {
            return sweepIds.get(1);
        }
    }

    /**
     * Loads the published Rust vs Python agent sweeps, or finds them when they are already loaded (a sweep of the
     * example that was deleted is imported again).
     */
    @PreAuthorize(Access.OPERATOR)
    public synchronized Loaded loadChimeraforge() {
        try {
            return load();
        } catch (DataIntegrityViolationException loadedMeanwhile) { // another app instance on the same database
            return load();
        }
    }

    private Loaded load() {
        return tx.execute(status -> {
            List<Long> ids = new ArrayList<>();
            boolean created = false;
            for (Part part : CHIMERAFORGE) {
                var existing = sweeps.findExample(part.key());
                if (existing.isPresent()) {
                    ids.add(existing.get());
                    continue;
                }
                long id = imports.importFiles(files(part.folder()), null, null).get(0);
                lifecycle.markExample(id, part.key(), part.name(), "Published example TR111: gemma3 on an RTX 4080"
                        + " Laptop, Nov 2025, 18 configurations, one trial per arm; by Chimeraforge, MIT licence.");
                ids.add(id);
                created = true;
            }
            if (created) {
                audit.record(AuditAction.EXAMPLE_LOADED, "sweeps " + ids, "Chimeraforge TR111");
            }
            return new Loaded(List.copyOf(ids), created);
        });
    }

    private static List<UploadedFile> files(String folder) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources(FOLDER + folder + "/*.metrics.json");
            if (found.length == 0) {
                throw new IllegalStateException("the example data is missing from the application: " + FOLDER
                        + folder);
            }
            List<UploadedFile> files = new ArrayList<>();
            for (Resource resource : Arrays.stream(found)
                    .sorted(Comparator.comparing(Resource::getFilename)).toList()) {
                files.add(new UploadedFile(resource.getFilename(), resource.getContentAsByteArray()));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("the example data cannot be read", e);
        }
    }

    record Part(String key, String folder, String name) {
    }
}
