package dev.pitwall.portfolio;

import dev.pitwall.portfolio.WorkflowDetails.Step;
import dev.pitwall.portfolio.internal.WorkflowParts;
import java.util.List;
import java.util.Map;

/**
 * A validated workflow definition with every name resolved to an id, and its canonical form (the
 * form an export writes), which is what "unchanged" is decided on.
 */
record ResolvedDefinition(WorkflowDefinition canonical, Long initiativeId, List<Long> systemIds, List<Step> steps,
        Map<DecisionRight, WorkflowParts.RightRow> rights, List<WorkflowParts.RoleRow> roles, List<Long> personIds,
        List<Long> teamIds, List<WorkflowParts.SourceRow> dataSources) {
}
