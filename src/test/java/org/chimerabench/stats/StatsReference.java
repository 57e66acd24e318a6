package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Reference values in these tests were computed independently with SciPy 1.17.1 / NumPy 2.4.6
 * (python3, float64), the code quoted next to each number. Tolerance: 1e-9 relative.
 */
final class StatsReference {

    static final double RELATIVE_TOLERANCE = 1e-9;

    /** Sample used by several tests: x = [0.31, -0.12, 0.45, 0.08, -0.27, 0.19, 0.52, 0.03, -0.05, 0.36]. */
    static final double[] X = {0.31, -0.12, 0.45, 0.08, -0.27, 0.19, 0.52, 0.03, -0.05, 0.36};

    private StatsReference() {
    }

    static void assertClose(double actual, double expected) {
        double tolerance = Math.max(Math.abs(expected) * RELATIVE_TOLERANCE, 1e-15);
        assertThat(actual).isCloseTo(expected, within(tolerance));
    }
}
