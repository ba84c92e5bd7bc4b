package dev.pitwall.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A framework's coverage across the portfolio on a day.
 *
 * @param counts entries per status
 * @param items every entry in scope (NIST AI RMF subcategories, ISO/IEC 42001 Annex A controls, or the
 *     EU AI Act deployer duties of Art. 26, Art. 4 and Art. 50)
 */
public record FrameworkCoverage(Framework framework, LocalDate asOf, Map<CoverageStatus, Integer> counts,
        List<Item> items) {

    /**
     * @param controls the library's controls mapped to the entry
     * @param covered workflows with one of them in place
     * @param missing workflows whose tier requires one of them but have none in place
     */
    public record Item(FrameworkItem item, CoverageStatus status, List<String> controls, List<String> covered,
            List<String> missing) {
    }

    public int covered() {
        return counts.getOrDefault(CoverageStatus.COVERED, 0);
    }

    /** Entries with a control in place in at least one workflow (covered or partial). */
    public int coveredSomewhere() {
        return covered() + counts.getOrDefault(CoverageStatus.PARTIAL, 0);
    }

    /** Entries some workflow needs (covered, partial or gap). */
    public int applicable() {
        return covered() + counts.getOrDefault(CoverageStatus.PARTIAL, 0) + counts.getOrDefault(CoverageStatus.GAP, 0);
    }
}
