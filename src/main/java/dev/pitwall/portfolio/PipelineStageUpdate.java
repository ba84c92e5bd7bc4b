package dev.pitwall.portfolio;

import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;

/**
 * The new state of a pipeline stage.
 *
 * @param status not started, in progress or done
 * @param startedOn when it started (required once started)
 * @param completedOn when it was done (required when done, not before the start)
 * @param assigneeId the person leading it
 */
public record PipelineStageUpdate(@NotNull PipelineStatus status, LocalDate startedOn, LocalDate completedOn,
        Long assigneeId) {
}
