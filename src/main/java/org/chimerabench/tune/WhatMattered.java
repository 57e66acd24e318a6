package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which options moved the objective across everything the stages measured: for each option, the share of the
 * variance of the configurations' results explained by its value alone (its between-group sum of squares over the
 * total, × 100; a one-way analysis of variance per option). The shares need not add up to 100 %: the rest is the
 * options acting together, and noise.
 */
public final class WhatMattered {

    /** One option and the share of the variance its values explain, %. */
    public record Share(String option, double sharePct) {
    }

    /** A measured configuration: its options and its result on the objective. */
    public record Measured(Map<String, Object> options, double value) {
    }

    private WhatMattered() {
    }

    /** The shares, largest first; empty with fewer than 2 results or when all results are equal. */
    public static List<Share> of(List<Measured> results) {
        if (results.size() < 2) {
            return List.of();
        }
        double mean = results.stream().mapToDouble(Measured::value).average().orElseThrow();
        double total = results.stream().mapToDouble(r -> (r.value() - mean) * (r.value() - mean)).sum();
        if (total == 0) {
            return List.of();
        }
        Set<String> options = new LinkedHashSet<>();
        results.forEach(r -> options.addAll(r.options().keySet()));
        List<Share> shares = new ArrayList<>();
        for (String option : options) {
            Map<String, double[]> groups = new HashMap<>(); // value → {sum, count}
            for (Measured r : results) {
                double[] group = groups.computeIfAbsent(Grid.value(r.options().get(option)), k -> new double[2]);
                group[0] += r.value();
                group[1]++;
            }
            double between = 0;
            for (double[] group : groups.values()) {
                double groupMean = group[0] / group[1];
                between += group[1] * (groupMean - mean) * (groupMean - mean);
            }
            shares.add(new Share(option, between / total * 100));
        }
        shares.sort(Comparator.comparingDouble(Share::sharePct).reversed());
        return shares;
    }
}
