package dev.pitwall.operations.internal;

import dev.pitwall.portfolio.StageGuard;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A workflow that an incident demoted by its lifecycle policy returns to production only after the
 * incident is resolved; the gate (or a waiver) decides the rest, as for any promotion.
 */
@Component
class DemotionGuard implements StageGuard {

    private final Lifecycles lifecycles;

    DemotionGuard(Lifecycles lifecycles) {
        this.lifecycles = lifecycles;
    }

    @Override
    public Optional<String> refusal(Workflow workflow, WorkflowStage stage) {
        if (stage != WorkflowStage.PRODUCTION) {
            return Optional.empty();
        }
        return lifecycles.unresolvedDemotion(workflow.id()).map(incident -> "incident " + incident
                + " demoted it by its lifecycle policy and is not resolved yet");
    }
}
