package org.chimerabench.analysis;

/**
 * How every figure of the analysis is computed (docs/architecture.md §6), in words for tooltips and reports.
 * One place, so the dashboard, the API documentation and the report say the same thing.
 */
public final class Definitions {

    public static final String THROUGHPUT = "Decode throughput of a call: eval_count / eval_duration (Ollama's"
            + " \"eval rate\"), in tokens per second. A trial's value is the mean of its successful calls; an arm's"
            + " value is the mean over its non-warm-up trials.";
    public static final String THROUGHPUT_DELTA = "Throughput Δ % = (mean chimera tok/s − mean baseline tok/s)"
            + " / mean baseline tok/s × 100, per configuration.";
    public static final String TTFT = "Time to first token: client time from sending the request to the first"
            + " streamed line with a non-empty response or thinking text, in ms.";
    public static final String TTFT_REDUCTION = "TTFT reduction % = (mean baseline TTFT − mean chimera TTFT)"
            + " / mean baseline TTFT × 100; positive means chimera reached its first token sooner.";
    public static final String SUCCESS_RATE = "Success rate = improved configurations / configurations × 100;"
            + " a configuration is improved when its throughput Δ % > 0.";
    public static final String MEAN_DELTA_TEST = "Mean of the per-configuration throughput Δ %; 95 % CI = mean ±"
            + " t(0.975, n−1) · SD / √n; p from a one-sample t-test of the Δ % values against 0.";
    public static final String BEST_CONFIGURATION = "The configuration with the highest throughput Δ %"
            + " (tie → higher chimera tok/s).";
    public static final String DISTRIBUTION = "Distribution of the per-(configuration, arm) mean values: minimum,"
            + " quartiles by linear interpolation between order statistics (NumPy default, R type 7), maximum.";
    public static final String CV = "Coefficient of variation = sample SD (n−1) / |mean| × 100.";
    public static final String POSITIVE_RATE = "Improved configurations with this value / configurations with"
            + " this value × 100.";
    public static final String RACE_STOP = "A race gives every configuration still running one more repetition per"
            + " round. Eliminated: worse than the leader (one-sided Welch test, Holm-corrected, at the race's"
            + " confidence); precise: its confidence interval is within the target; at the maximum: it reached"
            + " maxRepetitions.";

    public static final String SIGNIFICANCE = "With ≥ 2 trials per arm: Welch t-test of chimera vs baseline"
            + " throughput per configuration, p-values adjusted across configurations with Benjamini–Hochberg (q);"
            + " significantly improved = Δ > 0 and q < 0.05.";

    private Definitions() {
    }

    public static final String VERDICT_RULE = "Per metric, over the configurations' effects: better when the 95 %"
            + " CI of the mean lies above 0, worse when below 0; otherwise no practical difference when the 90 % CI"
            + " lies inside ±margin (two one-sided tests at 5 %), else inconclusive. The sign test asks whether"
            + " more configurations improved than not (exact binomial, two-sided).";
    public static final String PROVISIONAL = "Provisional: not every configuration has a trial in both arms yet,"
            + " so these figures can still swing.";
}
