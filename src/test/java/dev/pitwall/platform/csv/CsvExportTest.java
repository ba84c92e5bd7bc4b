package dev.pitwall.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsWrittenAsText() {
        String csv = CsvExport.create().row("=HYPERLINK(\"http://evil\",\"x\")", "+1+cmd", "-2+3", "@SUM(A1)",
                "\tlead", "plain").text();
        assertThat(csv.trim()).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",'+1+cmd,'-2+3,'@SUM(A1),'\tlead,plain");
    }

    @Test
    void numbersStayNumbersAndNullsAreEmpty() {
        String csv = CsvExport.create().row(-5, new BigDecimal("-1.25"), "-3", "1e5", null, "").text();
        assertThat(csv.trim()).isEqualTo("-5,-1.25,-3,1e5,,");
    }
}
