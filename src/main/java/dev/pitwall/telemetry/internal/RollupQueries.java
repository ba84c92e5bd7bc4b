package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.dateLiteral;

import dev.pitwall.telemetry.DailyUsage;
import dev.pitwall.telemetry.SystemUsage;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of the daily rollups (never of raw events: rollups stay small whatever the volume). Dates
 * are literals so that PostgreSQL plans each range for itself (see SqlValues.dateLiteral).
 */
@Repository
public class RollupQueries {

    /**
     * Distinct people of the rows: known people by directory id plus unattributed people by their
     * reference ('' = nobody). Two distinct counts of plain columns, cheaper than one of a built key.
     */
    private static String distinctPeople(String condition) {
        String when = condition == null ? "" : condition + " AND ";
        return "(COUNT(DISTINCT CASE WHEN " + when + "r.person_id > 0 THEN r.person_id END) + "
                + "COUNT(DISTINCT CASE WHEN " + when + "r.person_id = 0 AND r.person_ref <> '' THEN r.person_ref END))";
    }

    private final JdbcClient jdbc;

    RollupQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<SystemUsage> bySystem(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT s.system_key, s.name, x.* FROM (
                    SELECT r.system_id, SUM(r.events) AS events, %1$s AS active_people,
                           SUM(CASE WHEN r.workflow_id = 0 THEN r.events ELSE 0 END) AS unattributed_events,
                           %2$s AS unattributed_people,
                           COUNT(DISTINCT CASE WHEN r.person_id = 0 AND r.person_ref <> '' THEN r.person_ref END)
                               AS unknown_people,
                           SUM(r.cost) AS cost
                    FROM telemetry_daily_rollup r WHERE r.event_day BETWEEN %3$s AND %4$s GROUP BY r.system_id) x
                LEFT JOIN portfolio_ai_system s ON s.id = x.system_id
                ORDER BY x.events DESC
                """.formatted(distinctPeople(null), distinctPeople("r.workflow_id = 0"), dateLiteral(from), dateLiteral(to)))
                .query((rs, n) -> new SystemUsage(rs.getString("system_key"), rs.getString("name"), rs.getLong("events"),
                        rs.getLong("active_people"), rs.getLong("unattributed_events"), rs.getLong("unattributed_people"),
                        rs.getLong("unknown_people"), UsageEvents.plain(rs.getBigDecimal("cost"))))
                .list();
    }

    /** Per day, optionally of one AI system and/or workflow ({@code 0} = events tied to no workflow). */
    public List<DailyUsage> daily(LocalDate from, LocalDate to, Long systemId, Long workflowId) {
        return jdbc.sql("""
                SELECT r.event_day, SUM(r.events) AS events, %s AS active_people,
                       SUM(r.input_tokens) AS input_tokens, SUM(r.output_tokens) AS output_tokens, SUM(r.cost) AS cost,
                       SUM(r.errors) AS errors, SUM(r.latency_ms) AS latency_ms, SUM(r.timed_events) AS timed_events,
                       SUM(r.accepted) AS accepted, SUM(r.edited) AS edited, SUM(r.overridden) AS overridden,
                       SUM(r.rejected) AS rejected, SUM(r.unknown_outcome) AS unknown_outcome
                FROM telemetry_daily_rollup r
                WHERE r.event_day BETWEEN %s AND %s
                  AND (CAST(:system AS BIGINT) IS NULL OR r.system_id = :system)
                  AND (CAST(:workflow AS BIGINT) IS NULL OR r.workflow_id = :workflow)
                GROUP BY r.event_day ORDER BY r.event_day
                """.formatted(distinctPeople(null), dateLiteral(from), dateLiteral(to))).param("system", systemId)
                .param("workflow", workflowId)
                .query((rs, n) -> {
                    long timed = rs.getLong("timed_events");
                    return new DailyUsage(rs.getObject("event_day", LocalDate.class), rs.getLong("events"),
                            rs.getLong("active_people"), rs.getLong("input_tokens"), rs.getLong("output_tokens"),
                            UsageEvents.plain(rs.getBigDecimal("cost")), rs.getLong("errors"),
                            timed == 0 ? null : (double) rs.getLong("latency_ms") / timed, rs.getLong("accepted"),
                            rs.getLong("edited"), rs.getLong("overridden"), rs.getLong("rejected"),
                            rs.getLong("unknown_outcome"));
                }).list();
    }
}
