package dev.pitwall.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A KPI's value for one team in one period.
 *
 * @param teamName the team's name, or {@code null} when it was removed from the directory
 */
public record TeamMeasurement(long id, long kpiId, long teamId, String teamName, LocalDate periodEnd, BigDecimal value,
        String note, String recordedBy, Instant recordedAt) {
}
