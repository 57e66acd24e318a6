package org.chimerabench.tune;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The second stage's candidates: around the coarse race's leader, each option moved one value up and one down in its
 * axis (one option at a time), and the edge of a placement that still loads found by bisection, so the refinement
 * neither re-measures the coarse grid nor spends calls on configurations Ollama refuses.
 */
public final class Refinement {

    private Refinement() {
    }

    /**
     * The leader's neighbours: for each axis, the leader with that option at the next lower and the next higher value
     * of the axis (where there is one). The leader's own options are kept for the other axes; the leader itself is
     * not among them.
     */
    public static List<Map<String, Object>> neighbours(SearchSpace space, Map<String, Object> leader) {
        List<Map<String, Object>> around = new ArrayList<>();
        for (SearchSpace.Axis axis : space.axes()) {
            Object current = leader.get(axis.option());
            if (!(current instanceof Number number)) {
                continue;
            }
            int at = axis.values().indexOf(number.intValue());
            if (at < 0) {
                continue;
            }
            for (int step : new int[] {-1, 1}) {
                int next = at + step;
                if (next >= 0 && next < axis.values().size()) {
                    Map<String, Object> neighbour = new LinkedHashMap<>(leader);
                    neighbour.put(axis.option(), axis.values().get(next));
                    around.add(neighbour);
                }
            }
        }
        return around;
    }

    /**
     * The largest of the ascending {@code values} for which {@code loads} holds, by bisection, given that every value
     * below a feasible one is feasible too (a placement with fewer layers needs less memory); null when none loads.
     * Asks about ⌈log2(n + 1)⌉ values at most, each one probe load.
     */
    public static Integer largestThatLoads(List<Integer> values, IntPredicate loads) {
        int low = 0;
        int high = values.size() - 1;
        Integer best = null;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (loads.test(values.get(middle))) {
                best = values.get(middle);
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return best;
    }
}
