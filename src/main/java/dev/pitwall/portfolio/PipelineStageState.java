package dev.pitwall.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The state of one stage of an initiative's pipelines.
 *
 * @param stage the stage
 * @param status not started, in progress or done
 * @param startedOn when it started
 * @param completedOn when it was done
 * @param assigneeId who leads it
 * @param assigneeName their name
 * @param assigneeTier their tier (CLEAN needs an integrator)
 * @param spend the budget lines recorded against the stage
 */
public record PipelineStageState(PipelineStage stage, PipelineStatus status, LocalDate startedOn, LocalDate completedOn,
        Long assigneeId, String assigneeName, dev.pitwall.people.Tier assigneeTier, BigDecimal spend) {

    public static PipelineStageState notStarted(PipelineStage stage) {
        return new PipelineStageState(stage, PipelineStatus.NOT_STARTED, null, null, null, null, null, BigDecimal.ZERO);
    }
}
