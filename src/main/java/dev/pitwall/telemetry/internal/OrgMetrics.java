package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.OrgMetric;
import dev.pitwall.telemetry.OrgMetricDay;
import dev.pitwall.telemetry.TelemetrySource;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Organization-level daily figures. */
@Repository
public class OrgMetrics {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    OrgMetrics(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * Stores a day's figures, replacing any stored for the same source, scope and day.
     *
     * @return whether the day was stored before
     */
    /**
     * Stores a day's figures in place of those stored before for the same source, scope and day.
     *
     * @return the figures stored before, by name (empty when the day is new)
     */
    public Map<String, BigDecimal> replaceDay(TelemetrySource source, OrgMetricDay day, long systemId, long batchId) {
        Map<String, BigDecimal> before = new java.util.TreeMap<>();
        jdbc.sql("SELECT metric, metric_value FROM telemetry_org_metric WHERE source = ? AND scope = ? AND metric_day = ?")
                .params(source.name(), day.scope(), day.day())
                .query((rs, n) -> before.put(rs.getString(1), UsageEvents.plain(rs.getBigDecimal(2)))).list();
        jdbc.sql("DELETE FROM telemetry_org_metric WHERE source = ? AND scope = ? AND metric_day = ?")
                .params(source.name(), day.scope(), day.day()).update();
        List<Object[]> rows = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> metric : day.metrics().entrySet()) {
            rows.add(new Object[] {source.name(), day.scope(), day.day(), metric.getKey(), metric.getValue(), systemId,
                batchId});
        }
        template.batchUpdate("INSERT INTO telemetry_org_metric (source, scope, metric_day, metric, metric_value, system_id, "
                + "batch_id) VALUES (?, ?, ?, ?, ?, ?, ?)", rows);
        return before;
    }

    public List<OrgMetric> find(TelemetrySource source, String scope, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT m.*, s.system_key FROM telemetry_org_metric m JOIN portfolio_ai_system s ON s.id = m.system_id
                WHERE m.metric_day BETWEEN :from AND :to
                  AND (CAST(:source AS VARCHAR(20)) IS NULL OR m.source = :source)
                  AND (CAST(:scope AS VARCHAR(200)) IS NULL OR m.scope = :scope)
                ORDER BY m.metric_day, m.source, m.scope, m.metric
                """).param("from", from).param("to", to).param("source", source == null ? null : source.name())
                .param("scope", scope)
                .query((rs, n) -> new OrgMetric(TelemetrySource.valueOf(rs.getString("source")), rs.getString("scope"),
                        rs.getObject("metric_day", LocalDate.class), rs.getString("metric"),
                        UsageEvents.plain(rs.getBigDecimal("metric_value")), rs.getString("system_key")))
                .list();
    }
}
