package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class WelchTestTest {

    static final double[] A = {99.31, 98.72, 100.05, 99.64, 98.90};
    static final double[] B = {98.12, 98.85, 97.66, 98.40, 98.97, 97.95, 98.30};

    @Test
    void matchesScipyTtestIndUnequalVariances() {
        WelchTest w = WelchTest.of(A, B);
        assertClose(w.tStatistic(), 3.340447957485277);        // st.ttest_ind(a, b, equal_var=False).statistic
        assertClose(w.pValueTwoSided(), 0.010356396977145016); // .pvalue
        assertClose(w.degreesOfFreedom(), 7.928793475069386);  // .df
        assertClose(w.difference(), 99.324 - 98.32142857142857);
    }

    @Test
    void swappingSamplesFlipsTheSignOnly() {
        WelchTest w = WelchTest.of(B, A);
        assertClose(w.tStatistic(), -3.340447957485277);
        assertClose(w.pValueTwoSided(), 0.010356396977145016);
    }

    @Test
    void oneSidedLessMatchesScipy() {
        double[] a = {101.2, 99.8, 100.5, 100.9, 99.4};
        double[] b = {102.0, 101.1, 102.8, 101.7};
        // st.ttest_ind(a, b, equal_var=False, alternative='less').pvalue (SciPy 1.17.1)
        assertClose(WelchTest.of(a, b).pValueLess(), 0.008382573395430543);
        assertClose(WelchTest.of(a, b).pValueTwoSided(), 0.016765146790861087);
        assertClose(WelchTest.of(b, a).pValueLess(), 1 - 0.008382573395430543);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> WelchTest.of(new double[] {1}, B)).hasMessageContaining("sample A needs at least 2");
        assertThatThrownBy(() -> WelchTest.of(A, new double[0])).hasMessageContaining("sample B needs at least 2");
        assertThatThrownBy(() -> WelchTest.of(new double[] {1, 1}, new double[] {2, 2}))
                .hasMessageContaining("zero variance");
        assertThatThrownBy(() -> WelchTest.of(new double[] {1, Double.NaN}, B)).hasMessageContaining("NaN");
    }
}
