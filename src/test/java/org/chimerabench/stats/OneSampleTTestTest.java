package org.chimerabench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.chimerabench.stats.StatsReference.X;
import static org.chimerabench.stats.StatsReference.assertClose;

import org.junit.jupiter.api.Test;

class OneSampleTTestTest {

    @Test
    void matchesScipyTtest1sampAgainstZero() {
        OneSampleTTest t = OneSampleTTest.againstZero(X);
        assertThat(t.n()).isEqualTo(10);
        assertThat(t.degreesOfFreedom()).isEqualTo(9);
        assertClose(t.tStatistic(), 1.826794635983117);       // st.ttest_1samp(x, 0).statistic
        assertClose(t.pValueTwoSided(), 0.10100833083529133); // .pvalue
        assertClose(t.pValueOneSided(), 0.050504165417645665); // st.ttest_1samp(x, 0, alternative='greater').pvalue
        assertClose(t.ciLow(), -0.03574806808380987);         // .confidence_interval(0.95).low
        assertClose(t.ciHigh(), 0.33574806808380986);         // .confidence_interval(0.95).high
        assertThat(t.pValueTwoSided()).as("not significant at 0.05").isGreaterThanOrEqualTo(0.05);
        assertThat(t.pValueTwoSided()).as("significant at 0.11").isLessThan(0.11);
    }

    @Test
    void otherHypothesisedMeanAndConfidenceLevel() {
        OneSampleTTest t = OneSampleTTest.of(X, 0.1, 0.90);
        assertClose(t.tStatistic(), 0.6089315453277057);      // st.ttest_1samp(x, 0.1).statistic
        assertClose(t.pValueTwoSided(), 0.5576252343337126);  // .pvalue
        assertClose(t.ciLow(), -0.0005188018851708387);       // .confidence_interval(0.90).low
        assertClose(t.ciHigh(), 0.30051880188517077);         // .confidence_interval(0.90).high
    }

    @Test
    void oneSidedPValueFavoursTheGreaterAlternative() {
        double[] negative = X.clone();
        for (int i = 0; i < negative.length; i++) {
            negative[i] = -negative[i];
        }
        OneSampleTTest t = OneSampleTTest.againstZero(negative);
        assertClose(t.pValueOneSided(), 1 - 0.050504165417645665);
        assertClose(t.pValueTwoSided(), 0.10100833083529133);
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> OneSampleTTest.againstZero()).hasMessageContaining("at least 2 values, got 0");
        assertThatThrownBy(() -> OneSampleTTest.againstZero(1.0)).hasMessageContaining("at least 2 values, got 1");
        assertThatThrownBy(() -> OneSampleTTest.againstZero(1.0, Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> OneSampleTTest.againstZero(2.0, 2.0, 2.0)).hasMessageContaining("zero variance");
        assertThatThrownBy(() -> OneSampleTTest.of(X, 0, 1.0)).hasMessageContaining("confidence level");
    }
}
