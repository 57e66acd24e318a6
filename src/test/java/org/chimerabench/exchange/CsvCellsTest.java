package org.chimerabench.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OWASP's CSV-injection rule: formula-like text is neutralised, numbers are not, and our importer restores it. */
class CsvCellsTest {

    @Test
    void formulaLikeTextGetsAQuote() {
        assertThat(CsvCells.neutralise("=cmd|' /C calc'!A0")).isEqualTo("'=cmd|' /C calc'!A0");
        assertThat(CsvCells.neutralise("+SUM(A1:A9)")).isEqualTo("'+SUM(A1:A9)");
        assertThat(CsvCells.neutralise("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralise("@import")).isEqualTo("'@import");
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("\rx")).isEqualTo("'\rx");
    }

    @Test
    void numbersAndOrdinaryTextStayAsTheyAre() {
        assertThat(CsvCells.neutralise("-0.45")).isEqualTo("-0.45");
        assertThat(CsvCells.neutralise("+1e-3")).isEqualTo("+1e-3");
        assertThat(CsvCells.neutralise("gpu-1")).isEqualTo("gpu-1");
        assertThat(CsvCells.neutralise(-3.5)).isEqualTo(-3.5);
        assertThat(CsvCells.neutralise("")).isEqualTo("");
        assertThat(CsvCells.neutralise(null)).isNull();
    }

    @Test
    void restoreUndoesNeutraliseOnly() {
        for (String text : new String[] {"=1+2", "@x", "-a", "plain", "-0.5", "'quoted"}) {
            assertThat(CsvCells.restore(String.valueOf(CsvCells.neutralise(text)))).isEqualTo(text);
        }
        assertThat(CsvCells.restore("'plain")).as("a quote before harmless text is the user's").isEqualTo("'plain");
    }
}
