package org.chimerabench.support;

import java.util.List;
import org.chimerabench.analysis.AnalysisService;
import org.chimerabench.exchange.ImportService;
import org.chimerabench.exchange.UploadedFile;

/** Imports the seed summary CSV (two sweeps) and says which id is which. */
public record SeedSweeps(long rust, long python) {

    public static SeedSweeps importSummaryCsv(ImportService imports, AnalysisService analyses) {
        List<Long> ids = imports.importFiles(List.of(new UploadedFile("rust_vs_python_sweep_summary.csv",
                SeedFiles.read(SeedFiles.summaryCsv()))), null, null);
        long rust = ids.stream().filter(id -> analyses.analyse(id).orElseThrow().label().equals("rust")).findFirst()
                .orElseThrow();
        long python = ids.stream().filter(id -> id != rust).findFirst().orElseThrow();
        return new SeedSweeps(rust, python);
    }
}
