package org.chimerabench.exchange;

/** The results formats that can be imported: the three of the Chimeraforge seed, and our own configurations CSV. */
public enum SeedFormat {
    /** {@code rust_vs_python_sweep_summary.csv}: one row per (language, configuration). */
    SUMMARY_CSV("seed summary CSV"),
    /** The Rust agent's {@code metrics.json}: one configuration, individual runs per arm. */
    RUST_METRICS_JSON("Rust agent metrics.json"),
    /** The Python agent's {@code metrics.json}: an array of runs with aggregate metrics per arm. */
    PYTHON_METRICS_JSON("Python agent metrics.json"),
    /** Our own export {@code GET /api/sweeps/{id}/configurations.csv}: axis columns, then the measures. */
    CONFIGURATIONS_CSV("Chimera Bench configurations CSV");

    private final String description;

    SeedFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
