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
}
