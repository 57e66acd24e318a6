package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.X;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class QuantilesTest {

    @Test
    void linearInterpolationLikeNumpyDefaultAndRType7() {
        assertClose(Quantiles.of(X, 0.10), -0.135);          // np.quantile(x, 0.1); R quantile(x, .1, type=7)
        double[] y = {5.0, 1.0, 3.0};
        assertClose(Quantiles.of(y, 0.25), 2.0);              // np.quantile([5,1,3], 0.25)
        assertClose(Quantiles.of(y, 0.95), 4.8);              // np.quantile([5,1,3], 0.95)
        assertThat(Quantiles.of(y, 0.0)).isEqualTo(1.0);
        assertThat(Quantiles.of(y, 1.0)).isEqualTo(5.0);
        assertThat(Quantiles.of(new double[] {7}, 0.3)).isEqualTo(7.0);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> Quantiles.of(new double[0], 0.5)).hasMessageContaining("got 0");
        assertThatThrownBy(() -> Quantiles.of(X, 1.5)).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> Quantiles.of(X, Double.NaN)).hasMessageContaining("within [0, 1]");
        assertThatThrownBy(() -> Quantiles.of(new double[] {1, Double.NaN}, 0.5)).hasMessageContaining("NaN");
    }
}
