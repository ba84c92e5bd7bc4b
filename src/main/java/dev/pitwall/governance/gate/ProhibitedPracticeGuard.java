package dev.pitwall.governance.gate;

import dev.pitwall.governance.RiskClassification;
import dev.pitwall.governance.internal.Classifications;
import dev.pitwall.portfolio.StageGuard;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowStage;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A workflow classified as involving a practice the EU AI Act prohibits (Art. 5) may not run at
 * all: not as a pilot, not in production, whatever the gate or a waiver says.
 */
@Component
class ProhibitedPracticeGuard implements StageGuard {

    private final Classifications classifications;

    ProhibitedPracticeGuard(Classifications classifications) {
        this.classifications = classifications;
    }

    @Override
    public Optional<String> refusal(Workflow workflow, WorkflowStage stage) {
        return classifications.current(workflow.id()).filter(c -> c.blocked())
                .map(c -> String.join("; ", c.reasons().stream().filter(r -> r.rule().equals("eu-prohibited"))
                        .map(RiskClassification.Reason::text).toList()));
    }
}
