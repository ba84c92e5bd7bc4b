package dev.pitwall.portfolio;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money spent on an initiative.
 *
 * @param id the line's id
 * @param initiativeId the initiative
 * @param workflowKey the workflow the spend is for alone, or {@code null} when it is shared by all
 *     workflows of the initiative
 * @param category infrastructure or workforce
 * @param pipelineStage the pipeline stage it paid for, or {@code null}
 * @param tier for workforce spend: the tier it upskills, or {@code null}
 * @param description what it was
 * @param amount in the organization's currency
 * @param spentOn when
 */
public record BudgetLine(long id, long initiativeId, String workflowKey, SpendCategory category,
        PipelineStage pipelineStage, dev.pitwall.people.Tier tier, String description, BigDecimal amount,
        LocalDate spentOn) {
}
