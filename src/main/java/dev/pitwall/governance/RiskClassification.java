package dev.pitwall.governance;

import java.util.List;

/**
 * The outcome of the risk policy for a questionnaire.
 *
 * @param tier the internal tier: the most demanding tier any reason implies
 * @param euCategory the EU AI Act category
 * @param annexIiiPoints the Annex III points that make it high-risk (empty unless high-risk)
 * @param reasons every rule that applied, most demanding first
 */
public record RiskClassification(RiskTier tier, EuCategory euCategory, List<String> annexIiiPoints,
        List<Reason> reasons) {

    public RiskClassification {
        annexIiiPoints = List.copyOf(annexIiiPoints);
        reasons = List.copyOf(reasons);
    }

    /** A prohibited practice blocks the workflow outright: no waiver can promote it. */
    public boolean blocked() {
        return euCategory == EuCategory.PROHIBITED;
    }

    /**
     * One rule that applied.
     *
     * @param rule the rule's stable id, e.g. {@code eu-annex-iii}
     * @param implies the tier this rule alone implies
     * @param text the reason, citing the article where there is one
     */
    public record Reason(String rule, RiskTier implies, String text) {
    }
}
