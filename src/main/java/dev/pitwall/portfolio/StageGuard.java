package dev.pitwall.portfolio;

import java.util.Optional;

/**
 * A rule of another module that forbids a workflow to run at all, whatever the gate and any
 * waiver say (governance contributes "a practice the EU AI Act prohibits"). It is asked before a
 * workflow moves to {@code PILOT} or {@code PRODUCTION}.
 */
public interface StageGuard {

    /** Why the workflow may not move to {@code stage}, or empty when it may. */
    Optional<String> refusal(Workflow workflow, WorkflowStage stage);
}
