package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which configurations of a search space load, found before anything is measured: for each setting of the options
 * that take memory besides the layers (num_ctx, num_batch), the largest num_gpu that loads, by bisection over the
 * num_gpu axis (fewer layers need less memory, so every value below one that loads loads too). What does not load is
 * recorded as infeasible with the server's own message — never measured, never a slow result.
 *
 * @param edges      per memory setting (options other than num_gpu and num_thread, as {@link #memoryKey}), the
 *                   largest num_gpu that loads, or null when none does; empty when num_gpu is not searched
 * @param excluded   what was found not to load (or to break a constraint), one line per memory setting
 * @param probeLoads the loads the probes made
 */
public record Feasibility(Map<String, Integer> edges, List<Excluded> excluded, int probeLoads) {

    /** Options that do not change how much memory a placement needs. */
    static final List<String> NOT_MEMORY = List.of("num_gpu", "num_thread");

    /** Configurations left out, in words ("num_gpu 29 and above · num_batch=512"), and why (the server's error). */
    public record Excluded(String configurations, String reason) {
    }

    /** Whether loading the model with these options is refused; empty = it loads and keeps the constraints. */
    @FunctionalInterface
    public interface LoadProbe {
        Optional<String> refusal(Map<String, Object> options);
    }

    public Feasibility {
        edges = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(edges)); // null = nothing loads
        excluded = List.copyOf(excluded);
    }

    /** Nothing probed: num_gpu is not searched, and Ollama's own fit places every other setting. */
    public static Feasibility unprobed() {
        return new Feasibility(Map.of(), List.of(), 0);
    }

    /**
     * Probes the space: one bisection over num_gpu per memory setting (at most ⌈log2(n + 1)⌉ loads each); when
     * num_gpu is not searched, nothing is probed.
     */
    public static Feasibility probe(SearchSpace space, LoadProbe probe) {
        Optional<SearchSpace.Axis> layers = space.axes().stream().filter(a -> a.option().equals("num_gpu"))
                .findFirst();
        if (layers.isEmpty()) {
            return unprobed();
        }
        List<Integer> values = layers.get().values();
        Map<String, Integer> edges = new LinkedHashMap<>();
        List<Excluded> excluded = new ArrayList<>();
        int loads = 0;
        List<SearchSpace.Axis> memory = space.axes().stream().filter(a -> !NOT_MEMORY.contains(a.option())).toList();
        for (Map<String, Object> setting : Grid.product(memory)) {
            Map<Integer, String> refusals = new TreeMap<>();
            int[] asked = {0};
            Integer largest = Refinement.largestThatLoads(values, n -> {
                asked[0]++;
                Map<String, Object> options = new LinkedHashMap<>(setting);
                options.put("num_gpu", n);
                Optional<String> refusal = probe.refusal(options);
                refusal.ifPresent(r -> refusals.put(n, r));
                return refusal.isEmpty();
            });
            loads += asked[0];
            edges.put(memoryKey(setting), largest);
            int firstRefused = largest == null ? 0 : values.indexOf(largest) + 1;
            if (firstRefused < values.size()) {
                int from = values.get(firstRefused);
                String reason = refusals.getOrDefault(from, refusals.values().stream().findFirst().orElse(""));
                excluded.add(new Excluded("num_gpu " + from + (from == values.get(values.size() - 1) ? ""
                        : " and above") + (setting.isEmpty() ? "" : " · " + Grid.describe(setting)), reason));
            }
        }
        return new Feasibility(edges, excluded, loads);
    }

    /** Whether a configuration of the space loads (and keeps the constraints), as the probes found. */
    public boolean feasible(Map<String, Object> options) {
        if (edges.isEmpty() || !(options.get("num_gpu") instanceof Number layers)) {
            return true;
        }
        Integer edge = edges.get(memoryKey(options));
        return edge != null && layers.intValue() <= edge;
    }

    /** The largest num_gpu that loads with these memory options, or null (none loads, or num_gpu not probed). */
    public Integer edge(Map<String, Object> options) {
        return edges.get(memoryKey(options));
    }

    /** The options that take memory besides the layers, in a stable order: a memory setting's key. */
    static String memoryKey(Map<String, Object> options) {
        return new TreeMap<>(options).entrySet().stream().filter(e -> !NOT_MEMORY.contains(e.getKey()))
                .map(e -> e.getKey() + "=" + Grid.value(e.getValue())).collect(Collectors.joining(","));
    }
}
