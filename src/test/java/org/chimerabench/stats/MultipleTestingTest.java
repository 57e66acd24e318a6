package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class MultipleTestingTest {

    @Test
    void benjaminiHochbergMatchesScipyInInputOrder() {
        double[] p = {0.01, 0.04, 0.03, 0.2, 0.005, 0.5, 0.04};
        // st.false_discovery_control(p, method='bh'); R: p.adjust(p, "BH")
        double[] expected = {0.035, 0.055999999999999994, 0.055999999999999994, 0.23333333333333336, 0.035, 0.5,
                0.055999999999999994};
        double[] q = MultipleTesting.benjaminiHochberg(p);
        for (int i = 0; i < p.length; i++) {
            assertClose(q[i], expected[i]);
        }
        assertThat(p[0]).isEqualTo(0.01); // input untouched
    }

    @Test
    void capsAtOne() {
        assertThat(MultipleTesting.benjaminiHochberg(0.9, 0.95)).containsExactly(0.95, 0.95);
        assertThat(MultipleTesting.benjaminiHochberg(1.0)).containsExactly(1.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg()).hasMessageContaining("got 0");
        assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(0.1, 1.2)).hasMessageContaining("outside [0, 1]");
        assertThatThrownBy(() -> MultipleTesting.benjaminiHochberg(0.1, Double.NaN)).hasMessageContaining("NaN");
    }

    @Test
    void holmMatchesRsPAdjustInInputOrder() {
        double[] p = {0.01, 0.04, 0.03, 0.2, 0.005, 0.5, 0.04};
        // R: p.adjust(p, "holm"), computed with NumPy by the same definition (src/test/reference/race_reference.py)
        double[] expected = {0.06, 0.16, 0.15, 0.4, 0.035, 0.5, 0.16};
        double[] adjusted = MultipleTesting.holm(p);
        for (int i = 0; i < p.length; i++) {
            assertClose(adjusted[i], expected[i]);
        }
        assertThat(MultipleTesting.holm(0.6, 0.7)).as("capped at 1, monotone").containsExactly(1.0, 1.0);
        assertThat(MultipleTesting.holm(0.02)).as("one test: unchanged").containsExactly(0.02);
        assertThatThrownBy(() -> MultipleTesting.holm()).hasMessageContaining("got 0");
        assertThatThrownBy(() -> MultipleTesting.holm(-0.1)).hasMessageContaining("outside [0, 1]");
    }
}
