package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.LifecycleAction;
import dev.pitwall.operations.LifecyclePolicy;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Workflows' lifecycle policies and the fallback modes and demotions in force. */
@Repository
public class Lifecycles {

    private final JdbcClient jdbc;

    Lifecycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LifecyclePolicy> find(long workflowId) {
        return jdbc.sql("""
                SELECT l.*, w.workflow_key FROM operations_lifecycle l JOIN portfolio_workflow w ON w.id = l.workflow_id
                WHERE l.workflow_id = :id
                """).param("id", workflowId)
                .query((rs, n) -> new LifecyclePolicy(rs.getString("workflow_key"), LifecycleAction.valueOf(rs.getString("on_sev1")),
                        instant(rs, "fallback_since"), nullableLong(rs, "fallback_incident_id"),
                        nullableLong(rs, "demoted_incident_id"), instant(rs, "updated_at"), rs.getString("updated_by")))
                .optional();
    }

    /** The row of a workflow, created with NOTIFY when it has none. */
    public void ensure(long workflowId, String by, Instant now) {
        if (find(workflowId).isEmpty()) {
            jdbc.sql("INSERT INTO operations_lifecycle (workflow_id, on_sev1, updated_at, updated_by) "
                    + "VALUES (:id, 'NOTIFY', :now, :by)").param("id", workflowId).param("now", utc(now)).param("by", by)
                    .update();
        }
    }

    public void setPolicy(long workflowId, LifecycleAction onSev1, String by, Instant now) {
        ensure(workflowId, by, now);
        jdbc.sql("UPDATE operations_lifecycle SET on_sev1 = :action, updated_at = :now, updated_by = :by WHERE workflow_id = :id")
                .param("action", onSev1.name()).param("now", utc(now)).param("by", by).param("id", workflowId).update();
    }

    public void fallback(long workflowId, Long incidentId, Instant since) {
        jdbc.sql("UPDATE operations_lifecycle SET fallback_since = :since, fallback_incident_id = :incident WHERE workflow_id = :id")
                .param("since", since == null ? null : utc(since)).param("incident", incidentId).param("id", workflowId)
                .update();
    }

    public void demoted(long workflowId, Long incidentId) {
        jdbc.sql("UPDATE operations_lifecycle SET demoted_incident_id = :incident WHERE workflow_id = :id")
                .param("incident", incidentId).param("id", workflowId).update();
    }

    /** Whether the incident that demoted the workflow is still not resolved. */
    public Optional<Long> unresolvedDemotion(long workflowId) {
        return jdbc.sql("""
                SELECT i.id FROM operations_lifecycle l JOIN operations_incident i ON i.id = l.demoted_incident_id
                WHERE l.workflow_id = :id AND i.status <> 'RESOLVED'
                """).param("id", workflowId).query(Long.class).optional();
    }
}
