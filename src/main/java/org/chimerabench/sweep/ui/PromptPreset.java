package org.chimerabench.sweep.ui;

/** Ready-made prompts for the editor; the first is the seed sweeps' long technical report. */
enum PromptPreset {

    TECHNICAL_REPORT("Technical report, 800–1000 words (as in the seed sweeps)",
            "Write a technical report of 800 to 1000 words on benchmarking local LLM inference: method, results,"
                    + " and recommendations for GPU offload and context size."),
    SHORT_ANSWER("Short answer (a few sentences)",
            "In three sentences, explain what offloading model layers to the GPU changes for LLM inference speed."),
    CODE("Code generation",
            "Write a Python function that reads a CSV file of benchmark results and prints the mean, median and"
                    + " standard deviation of every numeric column. Include docstrings and type hints."),
    AGENT_DATA_SUMMARY("Agent workflow data summary (example)",
            "Total files analyzed: 101. Benchmark CSV files: 28 (throughput, TTFT, VRAM per configuration)."
                    + " JSON metric files: 45. Markdown reports: 28. Models: gemma3:latest, llama3.1:8b-q4_0."
                    + " Parameters swept: num_gpu 60/80/120, num_ctx 256/512/1024, temperature 0.6/0.8.");

    private final String label;
    private final String text;

    PromptPreset(String label, String text) {
        this.label = label;
        this.text = text;
    }

    String label() {
        return label;
    }

    String text() {
        return text;
    }
}
