package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.X;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void matchesNumpyOnReferenceSample() {
        Summary s = Summary.of(X);
        assertThat(s.n()).isEqualTo(10);
        assertClose(s.mean(), 0.15);                          // x.mean()
        assertClose(s.stdDev(), 0.2596578945886726);          // x.std(ddof=1)
        assertClose(s.cvPct(), 173.1052630591151);            // x.std(ddof=1)/abs(x.mean())*100
        assertClose(s.q1(), -0.030000000000000002);           // np.quantile(x, 0.25)
        assertClose(s.median(), 0.135);                       // np.quantile(x, 0.5)
        assertClose(s.q3(), 0.3475);                          // np.quantile(x, 0.75)
        assertClose(s.p95(), 0.48849999999999993);            // np.quantile(x, 0.95)
        assertThat(s.min()).isEqualTo(-0.27);
        assertThat(s.max()).isEqualTo(0.52);
    }

    @Test
    void doesNotReorderTheCallersArray() {
        double[] values = {3, 1, 2};
        Summary.of(values);
        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void singleValueHasNoSpread() {
        Summary s = Summary.of(99.3);
        assertThat(s.mean()).isEqualTo(99.3);
        assertThat(s.median()).isEqualTo(99.3);
        assertThat(s.hasSpread()).isFalse();
        assertThat(s.stdDev()).isNaN();
        assertThat(s.cvPct()).isNaN();
    }

    @Test
    void zeroVarianceGivesZeroSpread() {
        Summary s = Summary.of(5, 5, 5);
        assertThat(s.stdDev()).isZero();
        assertThat(s.cvPct()).isZero();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Summary.of()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 value, got 0");
        assertThatThrownBy(() -> Summary.of((double[]) null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThatThrownBy(() -> Summary.of(1, Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("value #2 is NaN");
        assertThatThrownBy(() -> Summary.of(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Infinity");
    }
}
