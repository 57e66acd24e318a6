package org.chimerabench.ollama;

import java.util.Arrays;
import org.chimerabench.stats.Quantiles;

/**
 * One streamed call, measured (docs/architecture.md §5). Client times in ms from {@code System.nanoTime()} with the
 * request start taken just before the request is handed to the HTTP client; server times are Ollama's
 * nanosecond durations converted to ms (missing fields read as 0).
 *
 * @param ttftMs             request start → first line whose {@code response} or {@code thinking} is non-empty
 * @param firstAnswerMs      request start → first non-empty {@code response} (differs from TTFT for thinking models)
 * @param timeToHeadersMs    request start → response headers
 * @param e2eMs              request start → the {@code done:true} line parsed
 * @param chunkGapsMs        gaps between successive content lines after the first
 * @param evalCount          {@code eval_count}; {@code promptEvalCount} likewise
 */
public record StreamedCall(String model, double ttftMs, double firstAnswerMs, double timeToHeadersMs, double e2eMs,
                           double[] chunkGapsMs, long loadNs, long promptEvalNs, long evalNs, long totalNs,
                           int evalCount, int promptEvalCount, String doneReason, String responseText,
                           String thinkingText, int contentLines, long sentAtNanos) {

    public double loadMs() {
        return loadNs / 1e6;
    }

    public double promptEvalMs() {
        return promptEvalNs / 1e6;
    }

    public double evalMs() {
        return evalNs / 1e6;
    }

    public double totalMs() {
        return totalNs / 1e6;
    }

    /** Ollama's eval rate: eval_count / eval_duration, tok/s (0 when the duration is missing). */
    public double decodeTokPerSec() {
        return evalNs <= 0 ? 0 : evalCount * 1e9 / evalNs;
    }

    /** prompt_eval_count / prompt_eval_duration, tok/s (inflated when the prompt prefix was cached). */
    public double prefillTokPerSec() {
        return promptEvalNs <= 0 ? 0 : promptEvalCount * 1e9 / promptEvalNs;
    }

    /** eval_count / e2e (client view), tok/s. */
    public double e2eTokPerSec() {
        return e2eMs <= 0 ? 0 : evalCount * 1000.0 / e2eMs;
    }

    /** (e2e − TTFT) / (eval_count − 1): time per output token after the first (vLLM convention); NaN below 2 tokens. */
    public double tpotMs() {
        return evalCount < 2 ? Double.NaN : (e2eMs - ttftMs) / (evalCount - 1);
    }

    public double itlMeanMs() {
        return chunkGapsMs.length == 0 ? Double.NaN : Arrays.stream(chunkGapsMs).average().orElse(Double.NaN);
    }

    public double itlP50Ms() {
        return itl(0.50);
    }

    public double itlP90Ms() {
        return itl(0.90);
    }

    public double itlP99Ms() {
        return itl(0.99);
    }

    /** True when the call paid for a model load (load_duration over 500 ms). */
    public boolean loadedModel() {
        return loadNs > 500_000_000L;
    }

    public int responseChars() {
        return responseText.length();
    }

    private double itl(double p) {
        return chunkGapsMs.length == 0 ? Double.NaN : Quantiles.of(chunkGapsMs, p);
    }
}
