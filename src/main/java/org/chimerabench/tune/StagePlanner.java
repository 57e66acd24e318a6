package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The candidates of each racing stage (docs/architecture.md §4.3): a coarse grid spread over the feasible space, then
 * the leader with its feasible neighbours. Plain decisions over the search space and the probes' findings, so the same
 * inputs give the same stages after a restart.
 */
public final class StagePlanner {

    /** Values per axis in the coarse race; num_gpu gets one more (its optimum sits near the edge of what fits). */
    static final int COARSE_VALUES = 3;
    static final int COARSE_LAYER_VALUES = 4;

    private StagePlanner() {
    }

    /**
     * The coarse race: for each axis up to three values spread over it (both ends and the middle); num_gpu up to four
     * spread over the values that load with that memory setting, so no candidate is one the server refuses.
     */
    public static List<Map<String, Object>> coarse(SearchSpace space, Feasibility feasibility) {
        List<SearchSpace.Axis> others = new ArrayList<>();
        SearchSpace.Axis layers = null;
        for (SearchSpace.Axis axis : space.axes()) {
            if (axis.option().equals("num_gpu")) {
                layers = axis;
            } else {
                others.add(new SearchSpace.Axis(axis.option(), spread(axis.values(), COARSE_VALUES), axis.why()));
            }
        }
        List<Map<String, Object>> candidates = new ArrayList<>();
        for (Map<String, Object> setting : Grid.product(others)) {
            if (layers == null) {
                candidates.add(inAxisOrder(space, setting));
                continue;
            }
            Integer edge = feasibility.edge(setting);
            List<Integer> loading = layers.values().stream().filter(n -> edge != null && n <= edge).toList();
            for (Integer n : spread(loading, COARSE_LAYER_VALUES)) {
                Map<String, Object> options = new LinkedHashMap<>(setting);
                options.put("num_gpu", n);
                candidates.add(inAxisOrder(space, options));
            }
        }
        return candidates;
    }

    /**
     * The refinement: the leader first, then its neighbours (one option one step each way) and its memory trades (one
     * more layer on the GPU for one step less of num_batch or num_ctx: the memory a smaller graph or cache frees can
     * hold a layer, a move no single option makes), those that load.
     */
    public static List<Map<String, Object>> refinement(SearchSpace space, Map<String, Object> leader,
                                                       Feasibility feasibility) {
        Set<String> seen = new LinkedHashSet<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        candidates.add(inAxisOrder(space, leader));
        seen.add(Grid.key(leader));
        List<Map<String, Object>> around = new ArrayList<>(Refinement.neighbours(space, leader));
        around.addAll(memoryTrades(space, leader));
        for (Map<String, Object> neighbour : around) {
            if (feasibility.feasible(neighbour) && seen.add(Grid.key(neighbour))) {
                candidates.add(inAxisOrder(space, neighbour));
            }
        }
        return candidates;
    }

    /** The leader with num_gpu one step up and one memory option (num_batch, num_ctx) one step down. */
    static List<Map<String, Object>> memoryTrades(SearchSpace space, Map<String, Object> leader) {
        SearchSpace.Axis layers = axis(space, "num_gpu");
        if (layers == null || !(leader.get("num_gpu") instanceof Number n)) {
            return List.of();
        }
        int at = layers.values().indexOf(n.intValue());
        if (at < 0 || at + 1 >= layers.values().size()) {
            return List.of();
        }
        List<Map<String, Object>> trades = new ArrayList<>();
        for (String memory : List.of("num_batch", "num_ctx")) {
            SearchSpace.Axis axis = axis(space, memory);
            if (axis == null || !(leader.get(memory) instanceof Number value)) {
                continue;
            }
            int position = axis.values().indexOf(value.intValue());
            if (position > 0) {
                Map<String, Object> trade = new LinkedHashMap<>(leader);
                trade.put("num_gpu", layers.values().get(at + 1));
                trade.put(memory, axis.values().get(position - 1));
                trades.add(trade);
            }
        }
        return trades;
    }

    private static SearchSpace.Axis axis(SearchSpace space, String option) {
        return space.axes().stream().filter(a -> a.option().equals(option)).findFirst().orElse(null);
    }

    /** How many configurations of the space load (and keep the constraints), as the probes found. */
    public static int feasibleCount(SearchSpace space, Feasibility feasibility) {
        return (int) Grid.product(space.axes()).stream().filter(feasibility::feasible).count();
    }

    /** Up to {@code count} values spread evenly over the list, both ends included, in order. */
    static List<Integer> spread(List<Integer> values, int count) {
        if (values.size() <= count) {
            return values;
        }
        Set<Integer> picked = new LinkedHashSet<>();
        for (int i = 0; i < count; i++) {
            picked.add(values.get((int) Math.round(i * (values.size() - 1) / (double) (count - 1))));
        }
        return List.copyOf(picked);
    }

    private static Map<String, Object> inAxisOrder(SearchSpace space, Map<String, Object> options) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        space.axes().forEach(axis -> {
            if (options.containsKey(axis.option())) {
                ordered.put(axis.option(), options.get(axis.option()));
            }
        });
        return ordered;
    }
}
