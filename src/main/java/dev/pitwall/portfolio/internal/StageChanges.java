package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.portfolio.StageChange;
import dev.pitwall.portfolio.WorkflowStage;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The dated stage history of workflows. */
@Repository
public class StageChanges {

    private final JdbcClient jdbc;

    StageChanges(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long workflowId, WorkflowStage from, WorkflowStage to, LocalDate effectiveOn, String reason,
            Long waiverId, String actor, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO portfolio_stage_change (workflow_id, from_stage, to_stage, effective_on, reason, waiver_id,
                    actor, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(workflowId, from == null ? null : from.name(), to.name(), effectiveOn, reason, waiverId, actor,
                utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public List<StageChange> findByWorkflow(long workflowId) {
        return jdbc.sql("""
                SELECT c.*, w.workflow_key FROM portfolio_stage_change c JOIN portfolio_workflow w ON w.id = c.workflow_id
                WHERE c.workflow_id = ? ORDER BY c.effective_on, c.id
                """).param(workflowId).query(StageChanges::map).list();
    }

    private static StageChange map(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_stage");
        return new StageChange(rs.getLong("id"), rs.getString("workflow_key"),
                from == null ? null : WorkflowStage.valueOf(from), WorkflowStage.valueOf(rs.getString("to_stage")),
                date(rs, "effective_on"), rs.getString("reason"), nullableLong(rs, "waiver_id"), rs.getString("actor"),
                instant(rs, "created_at"));
    }
}
