package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.Drill;
import dev.pitwall.operations.Fallback;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Declared fallbacks and their drills. */
@Repository
public class Fallbacks {

    private final JdbcClient jdbc;

    Fallbacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Fallback> find(long workflowId) {
        return jdbc.sql("""
                SELECT f.*, w.workflow_key, w.name AS workflow_name, p.name AS owner_name, p.email AS owner_email
                FROM operations_fallback f JOIN portfolio_workflow w ON w.id = f.workflow_id
                LEFT JOIN people_person p ON p.id = f.owner_id WHERE f.workflow_id = :id
                """).param("id", workflowId)
                .query((rs, n) -> new Fallback(rs.getString("workflow_key"), rs.getString("workflow_name"),
                        rs.getString("procedure_text"), nullableLong(rs, "owner_id"), rs.getString("owner_name"),
                        rs.getString("owner_email"), rs.getInt("max_switch_minutes"), instant(rs, "updated_at"),
                        rs.getString("updated_by"))).optional();
    }

    /** Declares or replaces the fallback (a delete and insert in the caller's transaction). */
    public void save(long workflowId, String procedure, Long ownerId, int maxSwitchMinutes, String by, Instant now) {
        jdbc.sql("DELETE FROM operations_fallback WHERE workflow_id = :id").param("id", workflowId).update();
        jdbc.sql("""
                INSERT INTO operations_fallback (workflow_id, procedure_text, owner_id, max_switch_minutes, updated_at, updated_by)
                VALUES (:id, :procedure, :owner, :minutes, :now, :by)
                """).param("id", workflowId).param("procedure", procedure).param("owner", ownerId)
                .param("minutes", maxSwitchMinutes).param("now", utc(now)).param("by", by).update();
    }

    public void insertDrill(long workflowId, LocalDate on, int minutes, BigDecimal throughput, boolean passed, String notes,
            String by, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_drill (workflow_id, drilled_on, switch_minutes, throughput_ratio, passed, notes,
                    recorded_by, recorded_at) VALUES (:id, :on, :minutes, :throughput, :passed, :notes, :by, :now)
                """).param("id", workflowId).param("on", on).param("minutes", minutes).param("throughput", throughput)
                .param("passed", passed).param("notes", notes).param("by", by).param("now", utc(now)).update();
    }

    /** A workflow's drills, newest first. */
    public List<Drill> drills(long workflowId) {
        return jdbc.sql("""
                SELECT d.*, w.workflow_key FROM operations_drill d JOIN portfolio_workflow w ON w.id = d.workflow_id
                WHERE d.workflow_id = :id ORDER BY d.drilled_on DESC, d.id DESC
                """).param("id", workflowId)
                .query((rs, n) -> new Drill(rs.getLong("id"), rs.getString("workflow_key"), date(rs, "drilled_on"),
                        rs.getInt("switch_minutes"), rs.getBigDecimal("throughput_ratio"), rs.getBoolean("passed"),
                        rs.getString("notes"), rs.getString("recorded_by"), instant(rs, "recorded_at"))).list();
    }

    /** Workflow id → the day of its last passed drill. */
    public Map<Long, LocalDate> lastPassed() {
        Map<Long, LocalDate> last = new HashMap<>();
        jdbc.sql("SELECT workflow_id, MAX(drilled_on) AS last_on FROM operations_drill WHERE passed GROUP BY workflow_id")
                .query((rs, n) -> last.put(rs.getLong("workflow_id"), date(rs, "last_on"))).list();
        return last;
    }

    /** Keys of the workflows whose fallback this person owns. */
    public List<String> ownedBy(long personId) {
        return jdbc.sql("SELECT w.workflow_key FROM operations_fallback f JOIN portfolio_workflow w ON w.id = f.workflow_id "
                + "WHERE f.owner_id = :person ORDER BY w.workflow_key").param("person", personId).query(String.class).list();
    }

    public List<Long> declared() {
        return jdbc.sql("SELECT workflow_id FROM operations_fallback").query(Long.class).list();
    }
}
