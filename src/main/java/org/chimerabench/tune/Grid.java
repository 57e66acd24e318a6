package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Configurations as option maps: cartesian products of axes, and how a person reads one. */
public final class Grid {

    private Grid() {
    }

    /** Every combination of the axes' values, in axis order (one empty configuration for no axes). */
    static List<Map<String, Object>> product(List<SearchSpace.Axis> axes) {
        List<Map<String, Object>> product = new ArrayList<>();
        product.add(new LinkedHashMap<>());
        for (SearchSpace.Axis axis : axes) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> partial : product) {
                for (Integer value : axis.values()) {
                    Map<String, Object> options = new LinkedHashMap<>(partial);
                    options.put(axis.option(), value);
                    next.add(options);
                }
            }
            product = next;
        }
        return product;
    }

    /** "num_gpu=26 · num_batch=128" (Ollama's defaults for none). */
    public static String describe(Map<String, Object> options) {
        return options.isEmpty() ? "Ollama's defaults" : options.entrySet().stream()
                .map(e -> e.getKey() + "=" + value(e.getValue())).collect(Collectors.joining(" · "));
    }

    /** Options compared by value, whatever their order and number type. */
    static String key(Map<String, Object> options) {
        return new java.util.TreeMap<>(options).entrySet().stream().map(e -> e.getKey() + "=" + value(e.getValue()))
                .collect(Collectors.joining(","));
    }

    /** A whole number without ".0", whatever its type. */
    public static String value(Object value) {
        return value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                ? Long.toString(n.longValue()) : String.valueOf(value);
    }
}
