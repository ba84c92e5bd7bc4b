package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.telemetry.AttributionRule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The attribution rules table, with the names of what the rules refer to. */
@Repository
public class AttributionRules {

    private static final String SELECT = """
            SELECT r.*, s.system_key, t.name AS team_name, w.workflow_key FROM telemetry_attribution_rule r
            JOIN portfolio_ai_system s ON s.id = r.system_id
            LEFT JOIN people_team t ON t.id = r.team_id
            JOIN portfolio_workflow w ON w.id = r.workflow_id
            """;

    /** A rule with the ids it matches on. */
    public record Row(AttributionRule rule, long systemId, Long teamId, long workflowId) {
    }

    private final JdbcClient jdbc;

    AttributionRules(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, in the order they apply: priority, then id. */
    public List<Row> findAll() {
        return jdbc.sql(SELECT + " ORDER BY r.priority, r.id").query((rs, n) -> new Row(
                new AttributionRule(rs.getLong("id"), rs.getString("name"), rs.getInt("priority"),
                        rs.getString("system_key"), rs.getString("team_name"), rs.getString("operation"),
                        rs.getString("workflow_key"), rs.getBoolean("enabled")),
                rs.getLong("system_id"), nullableLong(rs, "team_id"), rs.getLong("workflow_id"))).list();
    }

    public Optional<Row> findById(long id) {
        return findAll().stream().filter(r -> r.rule().id() == id).findFirst();
    }

    public long insert(String name, int priority, long systemId, Long teamId, String operation, long workflowId,
            boolean enabled, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO telemetry_attribution_rule (name, priority, system_id, team_id, operation, workflow_id,
                    enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(name, priority, systemId, teamId, operation, workflowId, enabled, utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void update(long id, String name, int priority, long systemId, Long teamId, String operation, long workflowId,
            boolean enabled, Instant now) {
        jdbc.sql("""
                UPDATE telemetry_attribution_rule SET name = ?, priority = ?, system_id = ?, team_id = ?, operation = ?,
                    workflow_id = ?, enabled = ?, updated_at = ? WHERE id = ?
                """).params(name, priority, systemId, teamId, operation, workflowId, enabled, utc(now), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM telemetry_attribution_rule WHERE id = ?").param(id).update();
    }
}
