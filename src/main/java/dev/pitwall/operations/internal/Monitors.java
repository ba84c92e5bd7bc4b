package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableDouble;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.Monitor;
import dev.pitwall.operations.MonitorSignal;
import dev.pitwall.operations.MonitorState;
import dev.pitwall.operations.MonitorTransition;
import dev.pitwall.operations.Severity;
import dev.pitwall.operations.ThresholdComparator;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The monitors and their state transitions. */
@Repository
public class Monitors {

    private static final String SELECT = """
            SELECT m.*, w.workflow_key, w.name AS workflow_name, s.system_key, s.name AS system_name
            FROM operations_monitor m
            LEFT JOIN portfolio_workflow w ON w.id = m.workflow_id
            LEFT JOIN portfolio_ai_system s ON s.id = m.system_id
            """;

    /** A monitor's definition as stored. */
    public record Row(String name, Long workflowId, Long systemId, MonitorSignal signal, Long kpiId,
            ThresholdComparator comparator, BigDecimal threshold, int windowDays, int minSamples, Severity severity,
            boolean enabled, String origin, dev.pitwall.operations.LifecycleAction lifecycleAction) {
    }

    private final JdbcClient jdbc;

    Monitors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Monitor> findAll() {
        return jdbc.sql(SELECT + " ORDER BY COALESCE(w.name, s.name), m.name, m.id").query(Monitors::map).list();
    }

    public List<Monitor> findEnabled() {
        return jdbc.sql(SELECT + " WHERE m.enabled ORDER BY m.id").query(Monitors::map).list();
    }

    public Optional<Monitor> findById(long id) {
        return jdbc.sql(SELECT + " WHERE m.id = :id").param("id", id).query(Monitors::map).optional();
    }

    public long insert(Row row, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operations_monitor (name, workflow_id, system_id, signal, kpi_id, comparator, threshold,
                    window_days, min_samples, severity, enabled, origin, lifecycle_action, state, state_since, created_at, updated_at)
                VALUES (:name, :workflow, :system, :signal, :kpi, :comparator, :threshold, :window, :samples,
                    :severity, :enabled, :origin, :lifecycle, 'NO_DATA', :now, :now, :now)
                """).paramSource(params(row, now)).update(keys, "id");
        return keys.getKey().longValue();
    }

    public void update(long id, Row row, Instant now) {
        jdbc.sql("""
                UPDATE operations_monitor SET name = :name, workflow_id = :workflow, system_id = :system,
                    signal = :signal, kpi_id = :kpi, comparator = :comparator, threshold = :threshold,
                    window_days = :window, min_samples = :samples, severity = :severity, enabled = :enabled,
                    origin = :origin, lifecycle_action = :lifecycle, updated_at = :now WHERE id = :id
                """).paramSource(params(row, now).addValue("id", id)).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM operations_monitor WHERE id = :id").param("id", id).update();
    }

    /** Records an evaluation; the state changes (and its transition is kept) only when it differs. */
    public void evaluated(Monitor monitor, MonitorState state, Double value, Long samples, String reason, Long roundId,
            Instant now) {
        boolean changed = state != monitor.state();
        jdbc.sql("""
                UPDATE operations_monitor SET state = :state, last_value = :value, last_samples = :samples,
                    last_reason = :reason, last_evaluated_at = :now%s WHERE id = :id
                """.formatted(changed ? ", state_since = :now" : ""))
                .param("state", state.name()).param("value", value).param("samples", samples)
                .param("reason", reason).param("now", utc(now)).param("id", monitor.id()).update();
        if (changed) {
            jdbc.sql("""
                    INSERT INTO operations_monitor_transition (monitor_id, round_id, from_state, to_state, signal_value,
                        samples, reason, at) VALUES (:monitor, :round, :from, :to, :value, :samples, :reason, :now)
                    """).param("monitor", monitor.id()).param("round", roundId).param("from", monitor.state().name())
                    .param("to", state.name()).param("value", value).param("samples", samples).param("reason", reason)
                    .param("now", utc(now)).update();
        }
    }

    public List<MonitorTransition> transitions(long monitorId, int limit) {
        return jdbc.sql("SELECT * FROM operations_monitor_transition WHERE monitor_id = :id ORDER BY at DESC, id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY").param("id", monitorId)
                .query((rs, n) -> new MonitorTransition(rs.getLong("monitor_id"),
                        MonitorState.valueOf(rs.getString("from_state")), MonitorState.valueOf(rs.getString("to_state")),
                        nullableDouble(rs, "signal_value"), nullableLong(rs, "samples"), rs.getString("reason"),
                        instant(rs, "at"))).list();
    }

    private static org.springframework.jdbc.core.namedparam.MapSqlParameterSource params(Row row, Instant now) {
        return new org.springframework.jdbc.core.namedparam.MapSqlParameterSource()
                .addValue("name", row.name()).addValue("workflow", row.workflowId()).addValue("system", row.systemId())
                .addValue("signal", row.signal().name()).addValue("kpi", row.kpiId())
                .addValue("comparator", row.comparator().name()).addValue("threshold", row.threshold())
                .addValue("window", row.windowDays()).addValue("samples", row.minSamples())
                .addValue("severity", row.severity().name()).addValue("enabled", row.enabled())
                .addValue("origin", row.origin()).addValue("now", utc(now))
                .addValue("lifecycle", row.lifecycleAction() == null ? null : row.lifecycleAction().name());
    }

    private static Monitor map(ResultSet rs, int n) throws SQLException {
        return new Monitor(rs.getLong("id"), rs.getString("name"), rs.getString("workflow_key"),
                rs.getString("workflow_name"), rs.getString("system_key"), rs.getString("system_name"),
                MonitorSignal.valueOf(rs.getString("signal")), nullableLong(rs, "kpi_id"),
                ThresholdComparator.valueOf(rs.getString("comparator")), rs.getBigDecimal("threshold").doubleValue(),
                rs.getInt("window_days"), rs.getInt("min_samples"), Severity.valueOf(rs.getString("severity")),
                rs.getBoolean("enabled"), rs.getString("origin"), MonitorState.valueOf(rs.getString("state")),
                instant(rs, "state_since"), nullableDouble(rs, "last_value"), nullableLong(rs, "last_samples"),
                rs.getString("last_reason"), instant(rs, "last_evaluated_at"), nullableLong(rs, "workflow_id"),
                nullableLong(rs, "system_id"), rs.getString("lifecycle_action") == null ? null
                        : dev.pitwall.operations.LifecycleAction.valueOf(rs.getString("lifecycle_action")));
    }
}
