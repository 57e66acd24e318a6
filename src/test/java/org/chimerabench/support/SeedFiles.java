package org.chimerabench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published Chimeraforge sweep results the app ships as its example data
 * ({@code src/main/resources/examples/chimeraforge}), read from the test classpath — nothing outside the
 * repository.
 */
public final class SeedFiles {

    private static final String FOLDER = "/examples/chimeraforge/";

    private SeedFiles() {
    }

    public static Path dir() {
        URL summary = SeedFiles.class.getResource(FOLDER + "rust_vs_python_sweep_summary.csv");
        if (summary == null) {
            throw new IllegalStateException("example data not on the classpath at " + FOLDER);
        }
        try {
            return Path.of(summary.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path summaryCsv() {
        return dir().resolve("rust_vs_python_sweep_summary.csv");
    }

    public static List<Path> rustMetrics() {
        return list("rust-agent-sweep");
    }

    public static List<Path> pythonMetrics() {
        return list("python-agent-sweep");
    }

    public static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(String folder) {
        try (Stream<Path> files = Files.list(dir().resolve(folder))) {
            return files.filter(f -> f.getFileName().toString().endsWith(".metrics.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
