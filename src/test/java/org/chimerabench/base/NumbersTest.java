package org.chimerabench.base;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one number formatter: digits from the uncertainty, one minus sign, p-values that read right. */
class NumbersTest {

    /** Issue 24, point 6: the Rust example's TTFT CI is +0.042 to +4.19 %; "0.0 to +4.2" read as touching zero. */
    @Test
    void aConfidenceBoundThatRoundsToZeroKeepsItsSign() {
        assertThat(Numbers.interval(0.042, 4.19, 1)).isEqualTo("+0.04 to +4.2");
        assertThat(Numbers.interval(-0.0004, 0.29, 2)).isEqualTo("−0.0004 to +0.29");
        assertThat(Numbers.interval(-0.02, 0.29, 2)).isEqualTo("−0.02 to +0.29");
        assertThat(Numbers.interval(0.0, 1.5, 1)).as("a bound at zero is zero").isEqualTo("0.0 to +1.5");
        assertThat(Numbers.interval(1e-9, 1.5, 1)).as("at most three more digits").isEqualTo("0.0000 to +1.5");
        assertThat(Numbers.interval(null, 1.5, 1)).isEqualTo(Numbers.NONE);
    }

    @Test
    void digitsFollowTheUncertainty() {
        // the Rust sweep: +0.1376 % with a 95 % CI half-width of 0.154 → +0.14 %, not +0.138 %
        assertThat(Numbers.signedPctWithin(0.1376345, 0.1540)).isEqualTo("+0.14 %");
        assertThat(Numbers.signedPctWithin(2.1171893, 2.0750)).isEqualTo("+2.1 %");
        assertThat(Numbers.signedPctWithin(-9.3933581, 19.957)).isEqualTo("−9 %");
        assertThat(Numbers.signedPctWithin(0.004, 0.0001)).as("at most 3 decimals").isEqualTo("+0.004 %");
        assertThat(Numbers.signedPctWithin(1.25, null)).as("unknown uncertainty: 1 decimal").isEqualTo("+1.3 %");
        assertThat(Numbers.decimalsFor(0.0)).isEqualTo(3);
        assertThat(Numbers.decimalsFor(Double.NaN)).isEqualTo(1);
        assertThat(Numbers.decimalsFor(150.0)).isZero();
        assertThat(Numbers.magnitudePct(-2.117, 2.075)).isEqualTo("2.1 %");
    }

    @Test
    void oneMinusSignAndNoSignedZero() {
        assertThat(Numbers.signed(-0.4517, 2)).isEqualTo("−0.45");
        assertThat(Numbers.number(-1.4747, 2)).isEqualTo("−1.47");
        assertThat(Numbers.signedPct(-0.001, 2)).as("rounds to zero: no sign").isEqualTo("0.00 %");
        assertThat(Numbers.number(-0.0004, 2)).isEqualTo("0.00");
        assertThat(Numbers.signed(0.042, 1)).isEqualTo("0.0");
        assertThat(Numbers.signed(3.0, 0)).isEqualTo("+3");
        assertThat(Numbers.MINUS).isEqualTo("\u2212");
    }

    @Test
    void pValuesReadRight() {
        assertThat(Numbers.p(0.0765)).isEqualTo("0.077");
        assertThat(Numbers.p(0.00014)).isEqualTo("< 0.001");
        assertThat(Numbers.pEquals("p", 0.00014)).as("never 'p = < 0.001'").isEqualTo("p < 0.001");
        assertThat(Numbers.pEquals("sign test p", 0.0309)).isEqualTo("sign test p = 0.031");
        assertThat(Numbers.pEquals("p", null)).isEqualTo("p —");
    }

    @Test
    void missingValuesAndSettings() {
        assertThat(Numbers.pct(null, 1)).isEqualTo("—");
        assertThat(Numbers.signedPct(null)).isEqualTo("—");
        assertThat(Numbers.pct(72.222, 0)).isEqualTo("72 %");
        assertThat(Numbers.plain(1.0)).isEqualTo("1");
        assertThat(Numbers.plain(0.25)).isEqualTo("0.25");
    }
}
