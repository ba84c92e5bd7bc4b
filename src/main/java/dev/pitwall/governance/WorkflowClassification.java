package dev.pitwall.governance;

import java.time.Instant;
import java.util.List;

/**
 * A version of a workflow's risk classification: the answers given and what the policy made of
 * them.
 */
public record WorkflowClassification(String workflowKey, int version, RiskQuestionnaire answers, RiskTier tier,
        EuCategory euCategory, List<String> annexIiiPoints, List<RiskClassification.Reason> reasons,
        String classifiedBy, Instant classifiedAt) {

    public boolean blocked() {
        return euCategory == EuCategory.PROHIBITED;
    }

    /**
     * The EU AI Act obligations the workflow carries: its category, plus the Art. 50 transparency
     * duties when a transparency rule applied to a workflow whose category is higher.
     */
    public java.util.Set<EuCategory> euObligations() {
        java.util.Set<EuCategory> obligations = java.util.EnumSet.of(euCategory);
        if (reasons.stream().anyMatch(r -> r.rule().equals("eu-transparency"))) {
            obligations.add(EuCategory.TRANSPARENCY);
        }
        return obligations;
    }
}
