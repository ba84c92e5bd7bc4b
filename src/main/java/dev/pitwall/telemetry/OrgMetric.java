package dev.pitwall.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A stored organization-level figure.
 *
 * @param source where it came from
 * @param scope whose figure
 * @param day the day
 * @param metric its name
 * @param value its value
 * @param systemKey the AI system it measures
 */
public record OrgMetric(TelemetrySource source, String scope, LocalDate day, String metric, BigDecimal value,
        String systemKey) {
}
