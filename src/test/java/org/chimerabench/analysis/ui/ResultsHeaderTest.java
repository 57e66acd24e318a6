package org.chimerabench.analysis.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The header names an imported sweep's source in a few words, not as a wall of file names. */
class ResultsHeaderTest {

    @Test
    void manyFilesAreCountedOneIsNamed() {
        assertThat(ResultsHeader.source("18 files: gpu120_ctx1024_temp0p6.metrics.json, gpu120_ctx1024_temp0p8…"))
                .isEqualTo("18 files");
        assertThat(ResultsHeader.source("rust_vs_python_sweep_summary.csv")).isEqualTo("rust_vs_python_sweep_summary.csv");
        assertThat(ResultsHeader.source("a.json, b.json")).isEqualTo("a.json, b.json");
        assertThat(ResultsHeader.source(null)).isEqualTo("—");
    }
}
