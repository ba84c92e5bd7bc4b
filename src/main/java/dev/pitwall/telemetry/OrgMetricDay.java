package dev.pitwall.telemetry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One day of organization-level figures from a source that reports aggregates.
 *
 * @param line the item's position in the request (1 = first)
 * @param scope whose figures: e.g. {@code org:100000001}, {@code enterprise:200001}, or the scope
 *     the importer named for reports that do not say
 * @param day the day
 * @param metrics figure by name, e.g. {@code total_active_users}
 */
public record OrgMetricDay(int line, String scope, LocalDate day, Map<String, BigDecimal> metrics) {

    public OrgMetricDay {
        metrics = Map.copyOf(metrics);
    }
}
