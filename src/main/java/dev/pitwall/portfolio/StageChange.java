package dev.pitwall.portfolio;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One move of a workflow from a stage to another.
 *
 * @param id the change's id
 * @param workflowKey the workflow
 * @param from the stage before ({@code null} when the workflow was created)
 * @param to the stage after
 * @param effectiveOn the day the change took effect
 * @param reason why
 * @param waiverId the waiver it relied on, when the gate did not pass
 * @param actor who made it
 * @param recordedAt when it was recorded
 */
public record StageChange(long id, String workflowKey, WorkflowStage from, WorkflowStage to, LocalDate effectiveOn,
        String reason, Long waiverId, String actor, Instant recordedAt) {
}
