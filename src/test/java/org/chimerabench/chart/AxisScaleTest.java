package org.chimerabench.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Round ticks for chart axes: bounds on multiples of a 1/2/2.5/5 step, the decimals the step needs. */
class AxisScaleTest {

    @Test
    void theRustThroughputDeltasGetRoundTicksAndAZeroLine() {
        // the seed's Δ % run from −0.45 to +0.61; ApexCharts' own choice was 1.092, 0.579, 0.066 …
        AxisScale scale = AxisScale.withZero(-0.4517, 0.6059, 6);
        assertThat(scale).isEqualTo(new AxisScale(-0.5, 0.75, 0.25, 5, 2));
        assertThat(ticks(scale)).containsExactly(-0.5, -0.25, 0.0, 0.25, 0.5, 0.75);
    }

    @Test
    void largeAndSmallRanges() {
        assertThat(AxisScale.of(97.88, 99.53, 5)).isEqualTo(new AxisScale(97.5, 100.0, 0.5, 5, 1));
        assertThat(AxisScale.of(3513.7, 4040.3, 6)).isEqualTo(new AxisScale(3500.0, 4100.0, 100.0, 6, 0));
        assertThat(AxisScale.of(0.0012, 0.0049, 4)).isEqualTo(new AxisScale(0.001, 0.005, 0.001, 4, 3));
        assertThat(AxisScale.withZero(-68.4, -1.2, 6)).isEqualTo(new AxisScale(-80.0, 0.0, 20.0, 4, 0));
    }

    @Test
    void everyTickIsAMultipleOfTheStepAndTheDataFits() {
        double[][] ranges = {{-0.2, 0.3}, {1, 1.7}, {-12.5, 88.8}, {0.001, 1000}, {-3e-5, 4e-5}};
        for (double[] range : ranges) {
            AxisScale s = AxisScale.of(range[0], range[1], 6);
            assertThat(s.min()).as("%s", s).isLessThanOrEqualTo(range[0]);
            assertThat(s.max()).as("%s", s).isGreaterThanOrEqualTo(range[1]);
            assertThat(s.tickAmount()).as("%s", s).isBetween(1, 6);
            for (double tick : ticks(s)) {
                double multiple = tick / s.step();
                assertThat(Math.abs(multiple - Math.rint(multiple))).as("%s tick %s", s, tick).isLessThan(1e-6);
            }
        }
    }

    @Test
    void aSingleValueStillGetsARange() {
        assertThat(AxisScale.of(0, 0, 4)).isEqualTo(new AxisScale(-1.0, 1.0, 0.5, 4, 1));
        AxisScale around = AxisScale.of(50, 50, 4);
        assertThat(around.min()).isLessThan(50);
        assertThat(around.max()).isGreaterThan(50);
    }

    @Test
    void badRangesAreRefused() {
        assertThatThrownBy(() -> AxisScale.of(2, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AxisScale.of(Double.NaN, 1, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AxisScale.of(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double[] ticks(AxisScale s) {
        double[] ticks = new double[s.tickAmount() + 1];
        for (int i = 0; i <= s.tickAmount(); i++) {
            ticks[i] = Math.rint((s.min() + i * s.step()) * 1e9) / 1e9;
        }
        return ticks;
    }
}
