package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.measurement.Deployment;
import dev.pitwall.measurement.DeploymentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Deployments of AI systems. */
@Repository
public class Deployments {

    private static final String SELECT = """
            SELECT d.*, s.system_key, w.workflow_key FROM measurement_deployment d
            JOIN portfolio_ai_system s ON s.id = d.system_id
            LEFT JOIN portfolio_workflow w ON w.id = d.workflow_id
            """;

    private final JdbcClient jdbc;

    Deployments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Deployment> find(long systemId, String environment, String version, Instant time) {
        return jdbc.sql(SELECT + " WHERE d.system_id = ? AND d.environment = ? AND d.version = ? AND d.deployed_at = ?")
                .params(systemId, environment, version, utc(time)).query(Deployments::map).optional();
    }

    public Optional<Deployment> findById(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = ?").param(id).query(Deployments::map).optional();
    }

    /** Deployments finished in [from, to] (days, UTC), newest first; system optional. */
    public List<Deployment> find(Long systemId, LocalDate from, LocalDate to, int limit) {
        return jdbc.sql(SELECT + """
                 WHERE (CAST(:system AS BIGINT) IS NULL OR d.system_id = :system)
                   AND d.deployed_day >= :from AND d.deployed_day <= :to
                 ORDER BY d.deployed_at DESC, d.id DESC LIMIT :limit
                """).param("system", systemId).param("from", from).param("to", to).param("limit", limit)
                .query(Deployments::map).list();
    }

    /**
     * Successful production deployments with days in [from, to]: system id → workflow id (0 = for
     * every workflow using the system) → count.
     */
    public Map<Long, Map<Long, Long>> successfulBySystem(Collection<Long> systemIds, LocalDate from, LocalDate to) {
        Map<Long, Map<Long, Long>> counts = new HashMap<>();
        if (systemIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("""
                SELECT system_id, COALESCE(workflow_id, 0) AS workflow_id, COUNT(*) AS n FROM measurement_deployment
                WHERE system_id IN (:ids) AND status = 'SUCCEEDED' AND environment = 'production'
                  AND deployed_day >= :from AND deployed_day <= :to
                GROUP BY system_id, COALESCE(workflow_id, 0)
                """).param("ids", systemIds).param("from", from).param("to", to)
                .query(rs -> {
                    counts.computeIfAbsent(rs.getLong("system_id"), k -> new HashMap<>())
                            .put(rs.getLong("workflow_id"), rs.getLong("n"));
                });
        return counts;
    }

    public long insert(long systemId, Long workflowId, String version, Instant time, DeploymentStatus status,
            String environment, String pipelineUrl, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO measurement_deployment (system_id, workflow_id, version, deployed_at, deployed_day, status,
                    environment, pipeline_url, recorded_by, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(systemId, workflowId, version, utc(time), LocalDate.ofInstant(time, ZoneOffset.UTC), status.name(),
                        environment, pipelineUrl, actor, utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static Deployment map(ResultSet rs, int row) throws SQLException {
        return new Deployment(rs.getLong("id"), rs.getString("system_key"), rs.getString("version"),
                instant(rs, "deployed_at"), DeploymentStatus.valueOf(rs.getString("status")),
                rs.getString("environment"), rs.getString("pipeline_url"), rs.getString("workflow_key"),
                rs.getString("recorded_by"),
                instant(rs, "recorded_at"));
    }
}
