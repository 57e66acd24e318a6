package org.chimerabench.sweep;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Map;

/**
 * The load a configuration is measured under (docs/architecture.md §4.1): {@code concurrency} calls in flight at once
 * — a repetition is one batch of that many trials per arm, started together — or, instead, {@code requestRate}
 * requests per second with seeded Poisson arrivals: a batch of {@value #RATE_BATCH_REQUESTS} requests, each sent at
 * its arrival time. Concurrency 1 is a sweep as before: one call at a time.
 */
public record Load(int concurrency, Double requestRate) {

    /** Requests per batch (per repetition and arm) at a request rate. */
    public static final int RATE_BATCH_REQUESTS = 8;
    /**
     * The bound on requests in flight at a request rate. A rate batch has only {@value #RATE_BATCH_REQUESTS}
     * requests and each gets its own thread, so this bound never holds one back: every request is sent at its
     * arrival time, however many are still in flight. Only a batch larger than the bound would make arrivals wait.
     */
    public static final int RATE_MAX_IN_FLIGHT = 16;
    public static final Load ONE_AT_A_TIME = new Load(1, null);

    public Load {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        if (requestRate != null && !(requestRate > 0)) {
            throw new IllegalArgumentException("requestRate must be above 0, got " + requestRate);
        }
    }

    /** Trials per batch: the concurrency, or the requests of a rate batch. */
    public int batchSize() {
        return requestRate == null ? concurrency : RATE_BATCH_REQUESTS;
    }

    /** Calls in flight at most. */
    public int inFlight() {
        return requestRate == null ? concurrency : RATE_MAX_IN_FLIGHT;
    }

    public boolean paced() {
        return requestRate != null;
    }

    /** Which of the two loads this is. */
    public Kind kind() {
        return paced() ? Kind.REQUEST_RATE : Kind.CONCURRENCY;
    }

    /** The two kinds of load, named in JSON and reports by their option key. */
    public enum Kind {
        CONCURRENCY(OllamaOption.CONCURRENCY), REQUEST_RATE(OllamaOption.REQUEST_RATE);

        private final OllamaOption option;

        Kind(OllamaOption option) {
            this.option = option;
        }

        /** {@code concurrency} or {@code requestRate}: the option's key, as the analysis JSON and reports say it. */
        @JsonValue
        public String key() {
            return option.key();
        }
    }

    /** The level as a number on a load axis: the concurrency, or the rate. */
    public double level() {
        return requestRate == null ? concurrency : requestRate;
    }

    /** A configuration's load: its own {@code concurrency}/{@code requestRate} axis value, else the sweep's. */
    public static Load of(Load sweepLoad, Map<String, Object> configurationOptions) {
        Object concurrency = configurationOptions.get(OllamaOption.CONCURRENCY.key());
        Object rate = configurationOptions.get(OllamaOption.REQUEST_RATE.key());
        if (rate instanceof Number r) {
            return new Load(1, r.doubleValue());
        }
        if (concurrency instanceof Number c) {
            return new Load(c.intValue(), null);
        }
        return sweepLoad == null ? ONE_AT_A_TIME : sweepLoad;
    }

    /**
     * Σ over the grid's configurations of their batch sizes (what the planned calls scale with): the product of the
     * other axes' sizes times the sum of the load axis' batch sizes, or the configurations times the sweep's.
     */
    public static long batchSlots(Map<String, List<Object>> axes, Load sweepLoad) {
        long others = 1;
        long loadSum = -1;
        for (Map.Entry<String, List<Object>> axis : axes.entrySet()) {
            if (OllamaOption.CONCURRENCY.key().equals(axis.getKey())) {
                loadSum = axis.getValue().stream().mapToLong(v -> v instanceof Number n ? n.intValue() : 1).sum();
            } else if (OllamaOption.REQUEST_RATE.key().equals(axis.getKey())) {
                loadSum = (long) axis.getValue().size() * RATE_BATCH_REQUESTS;
            } else {
                others = Math.min(others * axis.getValue().size(), Integer.MAX_VALUE);
            }
        }
        return others * (loadSum >= 0 ? loadSum : (sweepLoad == null ? 1 : sweepLoad.batchSize()));
    }
}
