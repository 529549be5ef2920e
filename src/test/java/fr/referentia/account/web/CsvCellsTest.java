package fr.referentia.account.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"})
    void cellsThatASpreadsheetWouldRunAreQuoted(String payload) {
        assertThat(CsvCells.neutralise(payload)).isEqualTo("'" + payload);
    }

    @Test
    void otherCellsAreLeftAlone() {
        assertThat(CsvCells.neutralise("branch-admin@demo.referentia.fr")).isEqualTo("branch-admin@demo.referentia.fr");
        assertThat(CsvCells.neutralise("{\"a\":\"=1\"}")).isEqualTo("{\"a\":\"=1\"}");
        assertThat(CsvCells.neutralise("")).isEmpty();
        assertThat(CsvCells.neutralise(null)).isNull();
    }
}
