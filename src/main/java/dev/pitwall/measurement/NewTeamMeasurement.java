package dev.pitwall.measurement;

import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A KPI's value for one team: {@code {"team":"Dispatch North","periodEnd":"2026-10-31","value":41.5}}.
 *
 * @param team the team's name
 */
public record NewTeamMeasurement(@Size(max = 200) String team, LocalDate periodEnd, BigDecimal value,
        @Size(max = 1000) String note) {
}
