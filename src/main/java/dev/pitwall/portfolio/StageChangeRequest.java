package dev.pitwall.portfolio;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * A move of a workflow to another stage.
 *
 * @param stage the stage to move to
 * @param effectiveOn the day it takes effect (today when left out; never in the future, never
 *     before the last recorded change)
 * @param reason why
 */
public record StageChangeRequest(@NotNull WorkflowStage stage, LocalDate effectiveOn, @Size(max = 2000) String reason) {
}
