package org.chimerabench.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The published Chimeraforge sweep results in ../shared/reference-data/chimeraforge (read at test time, never
 * copied into the repository). Override the folder with -Dchimera.seed.dir=… .
 */
public final class SeedFiles {

    private SeedFiles() {
    }

    public static Path dir() {
        Path dir = Path.of(System.getProperty("chimera.seed.dir", "../shared/reference-data/chimeraforge"));
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException("seed data not found at " + dir.toAbsolutePath()
                    + " — the tests need ../shared/reference-data/chimeraforge (or -Dchimera.seed.dir)");
        }
        return dir;
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
