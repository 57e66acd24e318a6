package org.chimerabench.watch;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * A Prometheus gauge per watch for teams that alert from metrics: {@code chimera_watch_delta_pct} (the last check's
 * change of decode tok/s against the reference, %) and {@code chimera_watch_regressed} (1 while the last check
 * regressed), tagged with the watch's id, endpoint and model.
 */
@Component
class WatchMetrics {

    private final MeterRegistry registry;
    private final Map<Long, double[]> last = new ConcurrentHashMap<>(); // {delta %, regressed}

    WatchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void update(long watchId, String endpoint, String model, Double deltaPct, boolean regressed) {
        double[] values = last.computeIfAbsent(watchId, id -> {
            double[] fresh = {Double.NaN, 0};
            Gauge.builder("chimera.watch.delta.pct", fresh, v -> v[0])
                    .description("The last check's change of the watched options' decode tok/s against the reference,"
                            + " %").tags("watch", Long.toString(id), "endpoint", endpoint, "model", model)
                    .register(registry);
            Gauge.builder("chimera.watch.regressed", fresh, v -> v[1])
                    .description("1 while the watch's last check found a regression, else 0")
                    .tags("watch", Long.toString(id), "endpoint", endpoint, "model", model).register(registry);
            return fresh;
        });
        values[0] = deltaPct == null ? Double.NaN : deltaPct;
        values[1] = regressed ? 1 : 0;
    }

    void remove(long watchId) {
        double[] values = last.remove(watchId);
        if (values != null) {
            registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("chimera.watch.")
                    && Long.toString(watchId).equals(m.getId().getTag("watch"))).forEach(registry::remove);
        }
    }
}
