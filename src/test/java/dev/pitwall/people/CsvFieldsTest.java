package dev.pitwall.people;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CsvFieldsTest {

    private final List<Violation> violations = new ArrayList<>();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    private CsvFields line(Map<String, String> values) {
        return new CsvFields(new CsvRow(9, values), violations, TODAY);
    }

    @Test
    void parsesValidValues() {
        CsvFields f = line(Map.of("email", "Ada@Example.ORG", "level", "practitioner", "active", "No", "score", "87.5",
                "date", "2026-11-25", "n", "3", "workflow", "invoice-exceptions"));
        assertThat(f.email("email", true)).isEqualTo("ada@example.org");
        assertThat(f.choice("level", Level.class, true)).isEqualTo(Level.PRACTITIONER);
        assertThat(f.bool("active")).isFalse();
        assertThat(f.decimal("score", BigDecimal.ZERO, BigDecimal.valueOf(100))).isEqualByComparingTo("87.5");
        assertThat(f.pastDate("completed_on", "date")).isEqualTo(TODAY);
        assertThat(f.integer("n", 0, 4, true)).isEqualTo(3);
        assertThat(f.workflowKey("workflow")).isEqualTo("invoice-exceptions");
        assertThat(violations).isEmpty();
    }

    @Test
    void namesTheLineColumnAndReasonOfEveryBadValue() {
        CsvFields f = line(Map.of("email", "nope", "level", "BOSS", "active", "maybe", "score", "101", "date", "2026-13-01",
                "n", "x", "workflow", "Bad Key"));
        f.email("email", true);
        f.choice("level", Level.class, true);
        f.bool("active");
        f.decimal("score", BigDecimal.ZERO, BigDecimal.valueOf(100));
        f.pastDate("completed_on", "date");
        f.integer("n", 0, 4, true);
        f.workflowKey("workflow");
        f.text("name", 10, true);
        assertThat(violations).hasSize(8).allSatisfy(v -> assertThat(v.line()).isEqualTo(9));
        assertThat(violations).extracting(Violation::field)
                .containsExactly("email", "level", "active", "score", "completed_on", "n", "workflow", "name");
        assertThat(violations.get(1).reason()).contains("EXECUTIVE, MANAGER, PRACTITIONER, FRONTLINE");
    }

    @Test
    void refusesFutureDatesAndExtraValues() {
        new CsvFields(new CsvRow(4, Map.of("#extra", "2")), violations, TODAY);
        line(Map.of("date", "2026-11-26")).pastDate("completed_on", "date");
        assertThat(violations).extracting(Violation::reason)
                .containsExactly("has 2 more value(s) than the header has columns", "2026-11-26 is in the future");
    }
}
