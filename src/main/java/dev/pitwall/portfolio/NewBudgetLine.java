package dev.pitwall.portfolio;

import dev.pitwall.people.Tier;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A budget line to record; a workflow, if named, must belong to the initiative. */
public record NewBudgetLine(@NotNull SpendCategory category, PipelineStage pipelineStage, Tier tier,
        String workflowKey, @NotBlank @Size(max = 500) String description,
        @NotNull @DecimalMin("0") @Digits(integer = 12, fraction = 2) BigDecimal amount, @NotNull LocalDate spentOn) {
}
