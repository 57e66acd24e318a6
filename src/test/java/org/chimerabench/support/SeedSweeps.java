package org.chimerabench.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;
import org.springframework.context.ApplicationContext;

/**
 * Imports the example data for tests and says which id is which. Tests of features below {@code exchange}
 * (analysis, its views) import through here, so they need no import of {@code exchange} themselves.
 */
public record SeedSweeps(long rust, long python) {

    /** The summary CSV: two sweeps, {@code rust} and {@code python}. */
    public static SeedSweeps importSummaryCsv(ApplicationContext context) {
        List<Long> ids = importFiles(context, null,
                Map.of("rust_vs_python_sweep_summary.csv", SeedFiles.read(SeedFiles.summaryCsv())));
        AnalysisService analyses = context.getBean(AnalysisService.class);
        long rust = ids.stream().filter(id -> analyses.analyse(id).orElseThrow().label().equals("rust")).findFirst()
                .orElseThrow();
        long python = ids.stream().filter(id -> id != rust).findFirst().orElseThrow();
        return new SeedSweeps(rust, python);
    }

    /** Imports files (name → content, in the given order) as the import page would; the ids of the sweeps. */
    public static List<Long> importFiles(ApplicationContext context, String label, Map<String, byte[]> files) {
        List<UploadedFile> uploads = new LinkedHashMap<>(files).entrySet().stream()
                .map(file -> new UploadedFile(file.getKey(), file.getValue())).toList();
        return SignedIn.asCurrentOrAdmin(context, () -> context.getBean(ImportService.class).importFiles(uploads, label, null));
    }
}
