package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versions of workflows' operating models: one JSON snapshot per change, valid from the
 * instant of the change. See {@code docs/metrics.md}, "What as of means".
 */
@Repository
public class WorkflowVersions {

    private final JdbcClient jdbc;

    WorkflowVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean hasAny(long workflowId) {
        return jdbc.sql("SELECT COUNT(*) FROM portfolio_workflow_version WHERE workflow_id = ?").param(workflowId)
                .query(Long.class).single() > 0;
    }

    /** The latest snapshot of a workflow, if any. */
    public Optional<String> latest(long workflowId) {
        return jdbc.sql("SELECT parts FROM portfolio_workflow_version WHERE workflow_id = ? ORDER BY id DESC LIMIT 1")
                .param(workflowId).query(String.class).optional();
    }

    public void insert(long workflowId, Instant validFrom, String parts) {
        jdbc.sql("INSERT INTO portfolio_workflow_version (workflow_id, valid_from, parts) VALUES (?, ?, ?)")
                .params(workflowId, utc(validFrom), parts).update();
    }

    /**
     * For each workflow that has versions, its snapshot as of {@code day}, by the rule of
     * {@link dev.pitwall.platform.jdbc.AsOf}.
     */
    public Map<Long, String> asOf(Collection<Long> workflowIds, LocalDate day) {
        Map<Long, String> snapshots = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return snapshots;
        }
        Map<Long, Instant> cutoffs = new HashMap<>();
        jdbc.sql("""
                SELECT workflow_id, valid_from, parts FROM portfolio_workflow_version
                WHERE workflow_id IN (:ids) ORDER BY workflow_id, id
                """).param("ids", workflowIds).query(rs -> {
                    long workflow = rs.getLong(1);
                    Instant recorded = dev.pitwall.platform.jdbc.SqlValues.instant(rs, "valid_from");
                    Instant cutoff = cutoffs.computeIfAbsent(workflow,
                            w -> dev.pitwall.platform.jdbc.AsOf.cutoff(day, recorded));
                    if (recorded.isBefore(cutoff)) {
                        snapshots.put(workflow, rs.getString(3));
                    }
                });
        return snapshots;
    }
}
