package org.chimerabench.exchange;

import java.util.List;
import java.util.Map;
import org.chimerabench.execution.Arm;

/** What a results file holds, before anything is stored. Values are validated by the parsers. */
record ParsedSweep(String label, String model, Map<String, Object> fixedOptions,
                   List<ParsedConfiguration> configurations) {

    /** One configuration: its axis options and its trials (each with one call). */
    record ParsedConfiguration(Map<String, Object> options, List<ParsedTrial> trials, String origin) {
    }

    record ParsedTrial(Arm arm, int repetition, ParsedCall call) {
    }

    /**
     * One imported call. Throughput and TTFT are required; the durations and counts are kept when the file
     * has them.
     */
    record ParsedCall(double decodeTokPerSec, double ttftMs, Integer evalCount, Double totalMs, Double loadMs,
                      Double promptEvalMs, Double evalMs) {
    }
}
