package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.Evidence;
import dev.pitwall.governance.GeneratedEvidenceSource;
import dev.pitwall.governance.RiskTier;
import dev.pitwall.operations.OperationsProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence for the governance controls {@code monitoring}, {@code incident-response} and
 * {@code fallback-path}, generated from the operations records of each workflow:
 * <ul>
 * <li>monitoring: enabled monitors evaluated since the day before (the rounds are running);</li>
 * <li>incident-response: an incident resolved within the last 12 months that was acknowledged before
 * its deadline, i.e. never escalated for want of an acknowledgement (a test incident counts);</li>
 * <li>fallback-path: a declared fallback and a passed drill within the tier's drill period.</li>
 * </ul>
 */
@Component
class OperationsEvidence implements GeneratedEvidenceSource {

    private final JdbcClient jdbc;
    private final OperationsProperties properties;

    OperationsEvidence(JdbcClient jdbc, OperationsProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Override
    public Map<Long, Map<String, List<Evidence>>> evidence(Map<Long, RiskTier> tiers, LocalDate day) {
        Map<Long, Map<String, List<Evidence>>> result = new HashMap<>();
        if (tiers.isEmpty()) {
            return result;
        }
        List<Long> ids = List.copyOf(tiers.keySet());
        Instant since = day.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.sql("""
                SELECT workflow_id, COUNT(*) AS monitors, MAX(last_evaluated_at) AS last_at FROM operations_monitor
                WHERE enabled AND workflow_id IN (:ids) AND last_evaluated_at >= :since GROUP BY workflow_id
                """).param("ids", ids).param("since", utc(since))
                .query((rs, n) -> put(result, rs.getLong("workflow_id"), "monitoring", generated(
                        "Active monitors: " + rs.getLong("monitors") + ", evaluated until " + instant(rs, "last_at"),
                        "/operations/monitors", instant(rs, "last_at")))).list();
        Instant yearAgo = day.minusMonths(12).atStartOfDay(ZoneOffset.UTC).toInstant();
        jdbc.sql("""
                SELECT workflow_id, id, resolved_at FROM operations_incident WHERE workflow_id IN (:ids)
                AND status = 'RESOLVED' AND escalations = 0 AND acknowledged_at IS NOT NULL AND resolved_at >= :since
                ORDER BY resolved_at
                """).param("ids", ids).param("since", utc(yearAgo))
                .query((rs, n) -> put(result, rs.getLong("workflow_id"), "incident-response", generated(
                        "Incident " + rs.getLong("id") + " acknowledged in time and resolved on "
                                + LocalDate.ofInstant(instant(rs, "resolved_at"), ZoneOffset.UTC),
                        "/operations/incidents/" + rs.getLong("id"), instant(rs, "resolved_at")))).list();
        jdbc.sql("""
                SELECT d.workflow_id, w.workflow_key, MAX(d.drilled_on) AS last_on FROM operations_drill d
                JOIN operations_fallback f ON f.workflow_id = d.workflow_id
                JOIN portfolio_workflow w ON w.id = d.workflow_id
                WHERE d.passed AND d.workflow_id IN (:ids) GROUP BY d.workflow_id, w.workflow_key
                """).param("ids", ids)
                .query((rs, n) -> {
                    long workflow = rs.getLong("workflow_id");
                    LocalDate last = date(rs, "last_on");
                    LocalDate validUntil = last.plusMonths(properties.drillMonths(tiers.get(workflow)));
                    if (!validUntil.isBefore(day)) {
                        put(result, workflow, "fallback-path", generated("Fallback drill passed on " + last
                                + ", valid until " + validUntil, "/operations/workflows/" + rs.getString("workflow_key") + "/fallback",
                                last.atStartOfDay(ZoneOffset.UTC).toInstant()));
                    }
                    return null;
                }).list();
        return result;
    }

    private static Evidence generated(String title, String path, Instant at) {
        return new Evidence(0, KIND, title, path, null, null, null, null, "pitwall", at);
    }

    private static Object put(Map<Long, Map<String, List<Evidence>>> result, long workflow, String control, Evidence e) {
        result.computeIfAbsent(workflow, w -> new HashMap<>()).computeIfAbsent(control, c -> new java.util.ArrayList<>()).add(e);
        return e;
    }
}
