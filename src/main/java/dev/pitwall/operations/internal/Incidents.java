package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.Incident;
import dev.pitwall.operations.IncidentStatus;
import dev.pitwall.operations.SeriousIncidentKind;
import dev.pitwall.operations.Severity;
import dev.pitwall.operations.SignalCategory;
import dev.pitwall.operations.TimelineEntry;
import dev.pitwall.operations.TimelineKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Incidents and their timelines. */
@Repository
public class Incidents {

    private static final String SELECT = """
            SELECT i.*, w.workflow_key, w.name AS workflow_name, s.system_key, s.name AS system_name,
                   p.name AS assignee_name
            FROM operations_incident i
            LEFT JOIN portfolio_workflow w ON w.id = i.workflow_id
            LEFT JOIN portfolio_ai_system s ON s.id = i.system_id
            LEFT JOIN people_person p ON p.id = i.assignee_id
            """;

    private final JdbcClient jdbc;

    Incidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String title, String description, Severity severity, Long monitorId, Long workflowId,
            Long systemId, SignalCategory category, String openedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operations_incident (title, description, severity, status, monitor_id, workflow_id,
                    system_id, category, route_step, opened_at, opened_by, escalations)
                VALUES (:title, :description, :severity, 'OPEN', :monitor, :workflow, :system, :category, 0, :now,
                    :by, 0)
                """).param("title", title).param("description", description).param("severity", severity.name())
                .param("monitor", monitorId).param("workflow", workflowId).param("system", systemId)
                .param("category", category.name()).param("now", utc(now)).param("by", openedBy)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public Optional<Incident> findById(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query(Incidents::map).optional();
    }

    /** Locks the row for the rest of the transaction, so two people's actions apply one after the other. */
    public Optional<Incident> lock(long id) {
        jdbc.sql("UPDATE operations_incident SET escalations = escalations WHERE id = :id").param("id", id).update();
        return findById(id);
    }

    public Optional<Incident> openOfMonitor(long monitorId) {
        return jdbc.sql(SELECT + " WHERE i.monitor_id = :id AND i.status <> 'RESOLVED' ORDER BY i.id DESC "
                + "FETCH FIRST 1 ROWS ONLY").param("id", monitorId).query(Incidents::map).optional();
    }

    /** Incidents, newest first; only those not resolved when {@code openOnly}. */
    public List<Incident> find(boolean openOnly, Long workflowId, int limit) {
        String where = (openOnly ? " WHERE i.status <> 'RESOLVED'" : " WHERE 1 = 1")
                + (workflowId != null ? " AND i.workflow_id = :workflow" : "");
        var spec = jdbc.sql(SELECT + where + " ORDER BY i.opened_at DESC, i.id DESC FETCH FIRST " + limit + " ROWS ONLY");
        if (workflowId != null) {
            spec = spec.param("workflow", workflowId);
        }
        return spec.query(Incidents::map).list();
    }

    /** Incidents not resolved that are with this person now, newest first. */
    public List<Incident> openAssignedTo(long personId) {
        return jdbc.sql(SELECT + " WHERE i.assignee_id = :person AND i.status <> 'RESOLVED' ORDER BY i.opened_at DESC, i.id DESC")
                .param("person", personId).query(Incidents::map).list();
    }

    /** Open incidents whose acknowledgement deadline has passed. */
    public List<Long> overdue(Instant now) {
        return jdbc.sql("SELECT id FROM operations_incident WHERE status = 'OPEN' AND ack_due_at <= :now ORDER BY id")
                .param("now", utc(now)).query(Long.class).list();
    }

    public void route(long id, Long assigneeId, String right, int step, Instant acknowledgeBy) {
        jdbc.sql("UPDATE operations_incident SET assignee_id = :person, assignee_right = :right, route_step = :step, "
                + "ack_due_at = :due WHERE id = :id").param("person", assigneeId).param("right", right)
                .param("step", step).param("due", acknowledgeBy == null ? null : utc(acknowledgeBy)).param("id", id)
                .update();
    }

    public void markSerious(long id, SeriousIncidentKind kind, Instant due) {
        jdbc.sql("UPDATE operations_incident SET serious_kind = :kind, report_due_at = :due WHERE id = :id")
                .param("kind", kind.name()).param("due", utc(due)).param("id", id).update();
    }

    public void reported(long id, String reference, Instant now) {
        jdbc.sql("UPDATE operations_incident SET reported_at = :now, report_reference = :ref WHERE id = :id")
                .param("now", utc(now)).param("ref", reference).param("id", id).update();
    }

    public void reportEscalated(long id, int count) {
        jdbc.sql("UPDATE operations_incident SET report_escalations = :n WHERE id = :id").param("n", count).param("id", id)
                .update();
    }

    /** Serious incidents not reported yet. */
    public List<Long> unreported() {
        return jdbc.sql("SELECT id FROM operations_incident WHERE serious_kind IS NOT NULL AND reported_at IS NULL "
                + "AND report_escalations < 2 ORDER BY id").query(Long.class).list();
    }

    public void escalated(long id) {
        jdbc.sql("UPDATE operations_incident SET escalations = escalations + 1 WHERE id = :id").param("id", id).update();
    }

    public void status(long id, IncidentStatus status, String actor, Instant now) {
        String set = switch (status) {
            case ACKNOWLEDGED -> "acknowledged_at = :now, acknowledged_by = :actor, ack_due_at = NULL";
            case MITIGATED -> "mitigated_at = :now, acknowledged_at = COALESCE(acknowledged_at, :now), "
                    + "acknowledged_by = COALESCE(acknowledged_by, :actor), ack_due_at = NULL";
            case RESOLVED -> "resolved_at = :now, mitigated_at = COALESCE(mitigated_at, :now), "
                    + "acknowledged_at = COALESCE(acknowledged_at, :now), acknowledged_by = COALESCE(acknowledged_by, :actor), "
                    + "ack_due_at = NULL";
            case OPEN -> throw new IllegalArgumentException("an incident is never reopened");
        };
        jdbc.sql("UPDATE operations_incident SET status = :status, " + set + " WHERE id = :id")
                .param("status", status.name()).param("now", utc(now)).param("actor", actor).param("id", id).update();
    }

    public void addEntry(long incidentId, TimelineKind kind, String actor, Long personId, String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO operations_incident_event (incident_id, at, kind, actor, person_id, detail)
                VALUES (:incident, :at, :kind, :actor, :person, :detail)
                """).param("incident", incidentId).param("at", utc(at)).param("kind", kind.name()).param("actor", actor)
                .param("person", personId).param("detail", detail).update();
    }

    public List<TimelineEntry> timeline(long incidentId) {
        return jdbc.sql("""
                SELECT e.at, e.kind, e.actor, p.name AS person_name, e.detail FROM operations_incident_event e
                LEFT JOIN people_person p ON p.id = e.person_id WHERE e.incident_id = :id ORDER BY e.at, e.id
                """).param("id", incidentId)
                .query((rs, n) -> new TimelineEntry(instant(rs, "at"), TimelineKind.valueOf(rs.getString("kind")),
                        rs.getString("actor"), rs.getString("person_name"), rs.getString("detail"))).list();
    }

    /** Open incidents by severity, for the overview and the metrics. */
    public java.util.Map<Severity, Long> openBySeverity() {
        java.util.Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("SELECT severity, COUNT(*) AS n FROM operations_incident WHERE status <> 'RESOLVED' GROUP BY severity")
                .query((rs, n) -> counts.put(Severity.valueOf(rs.getString("severity")), rs.getLong("n"))).list();
        return counts;
    }

    private static Incident map(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                Severity.valueOf(rs.getString("severity")), IncidentStatus.valueOf(rs.getString("status")),
                nullableLong(rs, "monitor_id"), rs.getString("workflow_key"), rs.getString("workflow_name"),
                rs.getString("system_key"), rs.getString("system_name"),
                SignalCategory.valueOf(rs.getString("category")), nullableLong(rs, "assignee_id"),
                rs.getString("assignee_name"), rs.getString("assignee_right"), rs.getInt("route_step"),
                instant(rs, "ack_due_at"), instant(rs, "opened_at"), rs.getString("opened_by"),
                instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"), instant(rs, "mitigated_at"),
                instant(rs, "resolved_at"), rs.getInt("escalations"), nullableLong(rs, "workflow_id"),
                nullableLong(rs, "system_id"),
                rs.getString("serious_kind") == null ? null : SeriousIncidentKind.valueOf(rs.getString("serious_kind")),
                instant(rs, "report_due_at"), rs.getInt("report_escalations"), instant(rs, "reported_at"),
                rs.getString("report_reference"));
    }
}
