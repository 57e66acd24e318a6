package org.chimerabench.analysis;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.chimerabench.base.Numbers;
import org.chimerabench.base.OptionsJson;

/**
 * The line said before the pooled verdict when a sweep's configurations differ widely: its best configuration against
 * Ollama's defaults, with its q-value. "Widely" = some configuration is significantly faster than the defaults and
 * another significantly slower (Benjamini–Hochberg q &lt; 0.05 each way): then the pooled verdict averages opposite
 * answers — a race over num_gpu [12, 20, 28] reads "throughput 46 % lower" although its leader is the answer the user
 * came for. In JSON: {@code verdict.best} (null otherwise).
 */
public record BestFirst(long configurationId, Map<String, Object> options, double deltaPct, double qValue,
                        String sentence) {

    static final double Q_LEVEL = 0.05;

    static Optional<BestFirst> of(List<ConfigurationResult> results) {
        boolean slower = results.stream().anyMatch(BestFirst::significantlySlower);
        if (!slower) {
            return Optional.empty();
        }
        return results.stream().filter(r -> Boolean.TRUE.equals(r.significance().significantlyImproved()))
                .max(Comparator.comparingDouble(r -> r.throughput().deltaPct()))
                .map(best -> new BestFirst(best.configurationId(), best.options(), best.throughput().deltaPct(),
                        best.significance().qValue(), "Best configuration: "
                        + OptionsJson.describeOrNone(best.options()) + " — throughput "
                        + Numbers.signedPct(best.throughput().deltaPct(), 1) + " against Ollama's defaults ("
                        + Numbers.pEquals("q", best.significance().qValue()) + "); the configurations differ widely,"
                        + " so the whole sweep's verdict below pools opposite answers"));
    }

    private static boolean significantlySlower(ConfigurationResult r) {
        Double q = r.significance().qValue();
        return q != null && q < Q_LEVEL && r.throughput().deltaPct() < 0;
    }
}
