package org.chimerabench.stats;

import org.apache.commons.math3.stat.inference.AlternativeHypothesis;
import org.apache.commons.math3.stat.inference.BinomialTest;

/**
 * Exact two-sided sign test: how surprising {@code successes} out of {@code trials} are if each outcome were a
 * fair coin (p = ½). Equivalent to SciPy's {@code binomtest(k, n, 0.5).pvalue} and R's {@code binom.test}.
 */
public final class SignTest {

    private SignTest() {
    }

    /**
     * @throws IllegalArgumentException when trials &lt; 1 or successes is outside [0, trials]
     */
    public static double pValueTwoSided(int successes, int trials) {
        if (trials < 1) {
            throw new IllegalArgumentException("sign test: needs at least 1 trial, got " + trials);
        }
        if (successes < 0 || successes > trials) {
            throw new IllegalArgumentException("sign test: successes must be within [0, " + trials + "], got "
                    + successes);
        }
        return Math.min(1.0, new BinomialTest().binomialTest(trials, successes, 0.5,
                AlternativeHypothesis.TWO_SIDED));
    }
}
