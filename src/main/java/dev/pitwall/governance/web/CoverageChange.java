package dev.pitwall.governance.web;

import dev.pitwall.governance.CoverageStatus;
import dev.pitwall.governance.FrameworkCoverage;
import java.util.ArrayList;
import java.util.List;

/**
 * What a change of a control did to the frameworks' coverage, in one sentence for the person who
 * made it, e.g. "Coverage: NIST AI RMF 1.0: 19 → 20 of 25 entries covered." Partial coverage is counted
 * on its own and never called covered.
 */
final class CoverageChange {

    private CoverageChange() {
    }

    static String describe(List<FrameworkCoverage> before, List<FrameworkCoverage> after) {
        List<String> changes = new ArrayList<>();
        for (FrameworkCoverage now : after) {
            FrameworkCoverage then = before.stream().filter(b -> b.framework() == now.framework()).findFirst().orElse(null);
            if (then == null) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            if (then.covered() != now.covered() || then.applicable() != now.applicable()) {
                parts.add(then.covered() + " → " + now.covered() + " of " + now.applicable() + " entries covered");
            }
            int partlyThen = then.counts().getOrDefault(CoverageStatus.PARTIAL, 0);
            int partlyNow = now.counts().getOrDefault(CoverageStatus.PARTIAL, 0);
            if (partlyThen != partlyNow) {
                parts.add("partly covered " + partlyThen + " → " + partlyNow);
            }
            if (!parts.isEmpty()) {
                changes.add(now.framework().label() + ": " + String.join(", ", parts));
            }
        }
        return changes.isEmpty() ? "The frameworks' coverage did not change."
                : "Coverage: " + String.join("; ", changes) + ".";
    }
}
