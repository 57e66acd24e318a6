package org.chimerabench.watch;

import java.util.List;

/**
 * What an endpoint's A/A checks (Ollama's defaults against themselves, interleaved, judged like a check) say about its
 * noise (docs/architecture.md §4.4): the measured false-alarm rate (A/A checks judged regressed or improved), the drift
 * between sessions that the checks' own intervals do not show (the spread of their changes beyond what their
 * intervals expect: var(d) − mean(se²), at least 0, from 3 A/A checks on), and the smallest change a check can detect
 * there (80 % power at 5 %: (1.96 + 0.84) × √(typical se² + drift), back on the % scale).
 */
record NoiseCalibration(int checks, int falseAlarms, double driftLogVariance, Double minimumDetectablePct) {

    static final NoiseCalibration NONE = new NoiseCalibration(0, 0, 0, null);

    /** One A/A check: its log change, the variance of it, and whether it was judged different. */
    record AaResult(double logDelta, double logVariance, boolean alarm) {
    }

    static NoiseCalibration of(List<AaResult> results) {
        if (results.isEmpty()) {
            return NONE;
        }
        int n = results.size();
        int alarms = (int) results.stream().filter(AaResult::alarm).count();
        double meanSe2 = results.stream().mapToDouble(AaResult::logVariance).average().orElse(0);
        double drift = 0;
        if (n >= 3) {
            double mean = results.stream().mapToDouble(AaResult::logDelta).average().orElse(0);
            double var = results.stream().mapToDouble(r -> (r.logDelta() - mean) * (r.logDelta() - mean)).sum()
                    / (n - 1);
            drift = Math.max(0, var - meanSe2);
        }
        double mde = (Math.exp((1.959963984540054 + 0.8416212335729143) * Math.sqrt(meanSe2 + drift)) - 1) * 100;
        return new NoiseCalibration(n, alarms, drift, mde);
    }

    /** The measured false-alarm rate in %, or null before any A/A check. */
    Double falseAlarmPct() {
        return checks == 0 ? null : 100.0 * falseAlarms / checks;
    }
}
