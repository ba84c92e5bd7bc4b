package dev.pitwall.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A KPI of a workflow: one line of its measurement contract.
 *
 * @param id the KPI's id
 * @param workflowKey the workflow it measures
 * @param name its name, unique within the workflow
 * @param unit what a value counts, e.g. "hours" or "EUR"
 * @param level business outcome, operational, technical or workforce
 * @param direction which way is better
 * @param baselineValue the value before AI took part, or {@code null} when not captured
 * @param baselineFrom first day of the baseline period
 * @param baselineTo last day of the baseline period
 * @param target the value aimed for
 * @param valuePerUnit money per unit of the KPI (business outcomes)
 * @param ownerId the person who owns the KPI
 * @param ownerName that person's name
 * @param dataSource where its values come from
 * @param cadence how often it is measured: one value per period
 * @param parentId the KPI it contributes to in the tree, or {@code null} at the top
 * @param createdAt when created
 * @param updatedAt when last changed
 */
public record Kpi(long id, String workflowKey, String name, String unit, KpiLevel level, Direction direction,
        BigDecimal baselineValue, LocalDate baselineFrom, LocalDate baselineTo, BigDecimal target,
        BigDecimal valuePerUnit, Long ownerId, String ownerName, String dataSource, Cadence cadence, Long parentId,
        Instant createdAt, Instant updatedAt) {

    public boolean isBusinessOutcome() {
        return level == KpiLevel.BUSINESS_OUTCOME;
    }

    /** A baseline value with a period whose end is known. */
    public boolean hasBaseline() {
        return baselineValue != null && baselineTo != null;
    }
}
