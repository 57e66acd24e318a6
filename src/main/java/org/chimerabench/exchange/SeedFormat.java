package org.chimerabench.exchange;

/** The three results formats of the Chimeraforge seed that can be imported. */
public enum SeedFormat {
    /** {@code rust_vs_python_sweep_summary.csv}: one row per (language, configuration). */
    SUMMARY_CSV("seed summary CSV"),
    /** The Rust agent's {@code metrics.json}: one configuration, individual runs per arm. */
    RUST_METRICS_JSON("Rust agent metrics.json"),
    /** The Python agent's {@code metrics.json}: an array of runs with aggregate metrics per arm. */
    PYTHON_METRICS_JSON("Python agent metrics.json");

    private final String description;

    SeedFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
