package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class EffectSizeTest {

    @Test
    void cohensDWithPooledStandardDeviation() {
        // na, nb = len(a), len(b); sp = np.sqrt(((na-1)*a.var(ddof=1) + (nb-1)*b.var(ddof=1)) / (na+nb-2))
        // (a.mean() - b.mean()) / sp
        assertClose(EffectSize.cohensD(WelchTestTest.A, WelchTestTest.B), 2.007390097766947);
        assertClose(EffectSize.cohensD(WelchTestTest.B, WelchTestTest.A), -2.007390097766947);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> EffectSize.cohensD(new double[] {1}, WelchTestTest.B)).hasMessageContaining("at least 2");
        assertThatThrownBy(() -> EffectSize.cohensD(new double[] {3, 3}, new double[] {1, 1}))
                .hasMessageContaining("zero variance");
        assertThatThrownBy(() -> EffectSize.cohensD(new double[] {1, Double.NaN}, WelchTestTest.B))
                .hasMessageContaining("NaN");
    }
}
