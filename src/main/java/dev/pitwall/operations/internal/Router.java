package dev.pitwall.operations.internal;

import dev.pitwall.operations.SignalCategory;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Finds who an incident goes to: along its category's route of decision rights, from a step on, the
 * first right held by an active person. Rights passed over (held by nobody, or by someone no longer
 * active) are the route's gaps. An AI system's incident follows the rights of the workflow that
 * uses it, preferring one in production, then by key.
 */
@Component
public class Router {

    /**
     * Where the route leads.
     *
     * @param personId the person, or {@code null} when no right from {@code step} on is held by anyone active
     * @param right the right that person holds
     * @param step its position on the route
     * @param gaps the rights passed over, in words
     */
    public record Destination(Long personId, String personName, String personEmail, DecisionRight right, int step,
            List<String> gaps) {
    }

    private final WorkflowService workflows;

    Router(WorkflowService workflows) {
        this.workflows = workflows;
    }

    public Destination route(String workflowKey, Long systemId, SignalCategory category, int fromStep) {
        List<DecisionRight> route = category.route();
        List<String> gaps = new ArrayList<>();
        Optional<WorkflowDetails> details = details(workflowKey, systemId);
        if (details.isEmpty()) {
            gaps.add(systemId != null ? "no workflow uses this AI system, so no decision rights route it"
                    : "the workflow was not found");
            return new Destination(null, null, null, null, route.size() - 1, gaps);
        }
        Map<DecisionRight, RightHolding> rights = new java.util.EnumMap<>(DecisionRight.class);
        details.get().decisionRights().forEach(h -> rights.put(h.right(), h));
        for (int step = fromStep; step < route.size(); step++) {
            DecisionRight right = route.get(step);
            RightHolding holding = rights.get(right);
            if (holding == null || holding.isGap()) {
                gaps.add(holding == null ? right + " is held by nobody" : holding.gapReason());
            } else {
                // A right held by a role goes to its first active member by name: an incident needs one
                // person who answers for it now (review items, by contrast, share the role's queue).
                WorkflowDetails.PersonRef to = holding.activeHolders().get(0);
                return new Destination(to.id(), to.name(), to.email(), right, step, gaps);
            }
        }
        return new Destination(null, null, null, null, route.size() - 1, gaps);
    }

    /** The workflow itself, or for an AI system the workflow whose rights stand for it. */
    private Optional<WorkflowDetails> details(String workflowKey, Long systemId) {
        if (workflowKey != null) {
            return workflows.findByKey(workflowKey).map(w -> workflows.detailsOf(List.of(w)).get(w.id()));
        }
        List<Workflow> live = workflows.find(null, null).stream().filter(w -> w.stage() != WorkflowStage.RETIRED).toList();
        Map<Long, WorkflowDetails> details = workflows.detailsOf(live);
        return live.stream()
                .filter(w -> details.get(w.id()).systems().stream().anyMatch(s -> s.id() == systemId))
                .sorted(Comparator.comparing((Workflow w) -> w.stage() != WorkflowStage.PRODUCTION).thenComparing(Workflow::key))
                .findFirst().map(w -> details.get(w.id()));
    }
}
