package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.portfolio.Waiver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The waivers of the gate. */
@Repository
public class Waivers {

    private static final String SELECT = """
            SELECT v.*, w.workflow_key, p.name AS granted_by_name FROM portfolio_waiver v
            JOIN portfolio_workflow w ON w.id = v.workflow_id
            JOIN people_person p ON p.id = v.granted_by_id
            """;

    private final JdbcClient jdbc;

    Waivers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long workflowId, Waiver waiver, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_waiver (workflow_id, granted_by_id, reason, failed_checks, granted_on, expires_on,
                    recorded_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(workflowId, waiver.grantedById(), waiver.reason(), String.join(",", waiver.failedChecks()),
                waiver.grantedOn(), waiver.expiresOn(), waiver.recordedBy(), utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<Waiver> findById(long id) {
        return jdbc.sql(SELECT + " WHERE v.id = ?").param(id).query(Waivers::map).optional();
    }

    public List<Waiver> findByWorkflow(long workflowId) {
        return jdbc.sql(SELECT + " WHERE v.workflow_id = ? ORDER BY v.granted_on DESC, v.id DESC").param(workflowId)
                .query(Waivers::map).list();
    }

    public List<Waiver> findAll() {
        return jdbc.sql(SELECT + " ORDER BY v.granted_on DESC, v.id DESC").query(Waivers::map).list();
    }

    private static Waiver map(ResultSet rs, int row) throws SQLException {
        String checks = rs.getString("failed_checks");
        return new Waiver(rs.getLong("id"), rs.getString("workflow_key"), rs.getLong("granted_by_id"),
                rs.getString("granted_by_name"), rs.getString("reason"),
                checks.isBlank() ? List.of() : Arrays.asList(checks.split(",")), date(rs, "granted_on"),
                date(rs, "expires_on"), rs.getString("recorded_by"));
    }
}
