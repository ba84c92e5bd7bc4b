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

    /**
     * Each workflow's stage at the end of {@code day}: the stage its latest change effective on or
     * before that day moved it to; before its first change, the stage that change gave it (the
     * history starts there, as {@link dev.pitwall.platform.jdbc.AsOf} says of all histories).
     */
    public java.util.Map<Long, WorkflowStage> stagesOn(LocalDate day) {
        java.util.Map<Long, WorkflowStage> stages = new java.util.HashMap<>();
        java.util.Map<Long, LocalDate> firstDays = new java.util.HashMap<>();
        jdbc.sql("SELECT workflow_id, to_stage, effective_on FROM portfolio_stage_change ORDER BY workflow_id, effective_on, id")
                .query(rs -> {
                    long workflow = rs.getLong(1);
                    LocalDate effective = date(rs, "effective_on");
                    LocalDate first = firstDays.computeIfAbsent(workflow, w -> effective);
                    if (!effective.isAfter(day.isBefore(first) ? first : day)) {
                        stages.put(workflow, WorkflowStage.valueOf(rs.getString(2)));
                    }
                });
        return stages;
    }

    private static StageChange map(ResultSet rs, int row) throws SQLException {
        String from = rs.getString("from_stage");
        return new StageChange(rs.getLong("id"), rs.getString("workflow_key"),
                from == null ? null : WorkflowStage.valueOf(from), WorkflowStage.valueOf(rs.getString("to_stage")),
                date(rs, "effective_on"), rs.getString("reason"), nullableLong(rs, "waiver_id"), rs.getString("actor"),
                instant(rs, "created_at"));
    }
}
