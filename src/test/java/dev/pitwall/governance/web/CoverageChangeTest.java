package dev.pitwall.governance.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pitwall.governance.CoverageStatus;
import dev.pitwall.governance.Framework;
import dev.pitwall.governance.FrameworkCoverage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CoverageChangeTest {

    private static FrameworkCoverage coverage(Framework framework, int covered, int partly, int gaps) {
        return new FrameworkCoverage(framework, LocalDate.of(2026, 11, 30), Map.of(CoverageStatus.COVERED, covered,
                CoverageStatus.PARTIAL, partly, CoverageStatus.GAP, gaps), List.of());
    }

    @Test
    void namesEachFrameworkWhoseCoverageChangedAndNeverCallsPartialCovered() {
        String change = CoverageChange.describe(
                List.of(coverage(Framework.NIST_AI_RMF, 19, 3, 3), coverage(Framework.EU_AI_ACT, 4, 1, 0)),
                List.of(coverage(Framework.NIST_AI_RMF, 20, 2, 3), coverage(Framework.EU_AI_ACT, 4, 1, 0)));
        assertThat(change).isEqualTo("Coverage: NIST AI RMF 1.0: 19 → 20 of 25 entries covered, partly covered 3 → 2.");
    }

    @Test
    void aPartialGainIsReportedAsPartial() {
        assertThat(CoverageChange.describe(List.of(coverage(Framework.ISO_42001, 5, 0, 6)),
                List.of(coverage(Framework.ISO_42001, 5, 1, 5))))
                .isEqualTo("Coverage: " + Framework.ISO_42001.label() + ": partly covered 0 → 1.");
    }

    @Test
    void saysSoWhenNothingChanged() {
        assertThat(CoverageChange.describe(List.of(coverage(Framework.EU_AI_ACT, 4, 1, 0)),
                List.of(coverage(Framework.EU_AI_ACT, 4, 1, 0)))).isEqualTo("The frameworks' coverage did not change.");
    }
}
