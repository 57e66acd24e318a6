package org.chimerabench.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Corrections for testing many hypotheses at once. */
public final class MultipleTesting {

    private MultipleTesting() {
    }

    /**
     * Benjamini–Hochberg adjusted p-values (q-values), in the order of the input. Equivalent to R's
     * {@code p.adjust(p, method = "BH")} and SciPy's {@code false_discovery_control(p, method='bh')}:
     * q(i) = min over j ≥ i of min(1, p(j)·m/j) for p sorted ascending.
     *
     * @throws IllegalArgumentException for an empty array or a p-value outside [0, 1] or NaN
     */
    public static double[] benjaminiHochberg(double... pValues) {
        Samples.requireFinite(pValues, "Benjamini–Hochberg", 1);
        for (int i = 0; i < pValues.length; i++) {
            if (pValues[i] < 0 || pValues[i] > 1) {
                throw new IllegalArgumentException("Benjamini–Hochberg: p-value #" + (i + 1) + " is " + pValues[i]
                        + ", outside [0, 1]");
            }
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 1.0;
        for (int rank = m; rank >= 1; rank--) {
            int index = order[rank - 1];
            running = Math.min(running, pValues[index] * m / rank);
            adjusted[index] = Math.min(1.0, running);
        }
        return adjusted;
    }

    /**
     * Holm's step-down adjusted p-values, in the order of the input (family-wise error control). Equivalent to R's
     * {@code p.adjust(p, method = "holm")}: for p sorted ascending, adj(i) = max over j ≤ i of min(1, (m − j + 1)·p(j)).
     *
     * @throws IllegalArgumentException for an empty array or a p-value outside [0, 1] or NaN
     */
    public static double[] holm(double... pValues) {
        Samples.requireFinite(pValues, "Holm", 1);
        for (int i = 0; i < pValues.length; i++) {
            if (pValues[i] < 0 || pValues[i] > 1) {
                throw new IllegalArgumentException("Holm: p-value #" + (i + 1) + " is " + pValues[i]
                        + ", outside [0, 1]");
            }
        }
        int m = pValues.length;
        Integer[] order = IntStream.range(0, m).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] adjusted = new double[m];
        double running = 0.0;
        for (int rank = 1; rank <= m; rank++) {
            int index = order[rank - 1];
            running = Math.max(running, Math.min(1.0, pValues[index] * (m - rank + 1)));
            adjusted[index] = running;
        }
        return adjusted;
    }
}
