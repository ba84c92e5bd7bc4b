package dev.pitwall.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CsvDocumentTest {

    private static final Set<String> KNOWN = Set.of("email", "name", "manager_email");
    private static final List<List<String>> EMAIL = List.of(List.of("email"));

    @Test
    void matchesColumnsWhateverTheirCaseSpacingOrOrder() {
        CsvDocument doc = CsvDocument.parse("Name, EMAIL ,Manager-Email\nAda,ada@x.org,bob@x.org\n", EMAIL, KNOWN);
        assertThat(doc.columns()).containsExactly("name", "email", "manager_email");
        assertThat(doc.rows()).singleElement().satisfies(row -> {
            assertThat(row.get("email")).isEqualTo("ada@x.org");
            assertThat(row.get("manager_email")).isEqualTo("bob@x.org");
        });
    }

    @Test
    void numbersRecordsByThePhysicalLineTheyStartOn() {
        String csv = "email,name\na@x.org,\"two\nlines\"\nb@x.org,B\n\nc@x.org,C\r\nd@x.org,D";
        assertThat(CsvDocument.parse(csv, EMAIL, KNOWN).rows()).extracting(CsvRow::line).containsExactly(2, 4, 6, 7);
    }

    @Test
    void ignoresAByteOrderMarkAndAcceptsSemicolons() {
        CsvDocument doc = CsvDocument.parse("\uFEFFemail;name\na@x.org;Ada\n", EMAIL, KNOWN);
        assertThat(doc.rows().get(0).get("name")).isEqualTo("Ada");
    }

    @Test
    void blankValuesAreAbsentAndUnknownColumnsAreListed() {
        CsvDocument doc = CsvDocument.parse("email,name,shoe_size\na@x.org,  ,44\n", EMAIL, KNOWN);
        assertThat(doc.rows().get(0).get("name")).isNull();
        assertThat(doc.rows().get(0).get("shoe_size")).isNull();
        assertThat(doc.ignoredColumns()).containsExactly("shoe_size");
    }

    @Test
    void aMissingRequiredColumnIsReportedOnLineOne() {
        assertThatThrownBy(() -> CsvDocument.parse("name\nAda\n", List.of(List.of("email", "external_id")), KNOWN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.code()).isEqualTo("CSV_INVALID");
                    assertThat(e.violations()).containsExactly(
                            new Violation(1, "email|external_id", "required column is missing"));
                });
    }

    @Test
    void anUnclosedQuoteIsReportedWithItsLine() {
        assertThatThrownBy(() -> CsvDocument.parse("email,name\na@x.org,A\nb@x.org,\"B\n", EMAIL, KNOWN))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.line()).isEqualTo(3);
                            assertThat(v.reason()).startsWith("malformed CSV");
                        }));
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> CsvDocument.parse("  \n", EMAIL, KNOWN)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("empty");
    }

    @Test
    void aLineWithMoreValuesThanColumnsIsMarked() {
        CsvRow row = CsvDocument.parse("email,name\na@x.org,A,extra\n", EMAIL, KNOWN).rows().get(0);
        assertThat(row.get(CsvDocument.EXTRA_VALUES)).isEqualTo("1");
    }
}
