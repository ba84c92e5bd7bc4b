package dev.pitwall.measurement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The home page's "most constrained" list: by value lost, without high performers or idle workflows. */
class MostConstrainedTest {

    private static OrganizationScorecard.WorkflowRank rank(String key, String stage, String constraint, Double score,
            boolean highPerformer, Double valueLost) {
        return new OrganizationScorecard.WorkflowRank(key, key, stage, constraint, score, score, score, score, 0.5, 0.5,
                1.0, 2.0, 0.0, highPerformer, valueLost, "MONTHLY", 10, false);
    }

    @Test
    void ranksByValueLostAndLeavesOutHighPerformers() {
        OrganizationScorecard card = new OrganizationScorecard("organization", null, "Org", LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 10, 1), List.of(), List.of(
                        rank("lowest-index", "PRODUCTION", "WORKFORCE", 10.0, false, 1_000.0),
                        rank("costliest", "PRODUCTION", "TECHNOLOGY", 60.0, false, 50_000.0),
                        rank("star", "PRODUCTION", "OPERATING_MODEL", 5.0, true, 90_000.0),
                        rank("pilot", "PILOT", "WORKFORCE", 30.0, false, 8_000.0),
                        rank("unknown-value", "PRODUCTION", "WORKFORCE", 20.0, false, null),
                        rank("idea", "IDEA", "WORKFORCE", 1.0, false, 99_000.0),
                        rank("unscored", "PRODUCTION", null, null, false, 70_000.0)),
                List.of(), List.of(), "MONTHLY", "EUR");

        assertThat(card.mostConstrained(5)).extracting(OrganizationScorecard.WorkflowRank::workflowKey)
                .containsExactly("costliest", "pilot", "lowest-index", "unknown-value");
        assertThat(card.mostConstrained(2)).hasSize(2);
    }
}
