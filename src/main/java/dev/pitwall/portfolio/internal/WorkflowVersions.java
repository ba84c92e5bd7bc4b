package dev.pitwall.portfolio.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
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
     * For each workflow that has versions, the id of its version in force on {@code day}, by the
     * rule of {@link dev.pitwall.platform.jdbc.AsOf}. The snapshots themselves are read by
     * {@link #parts}: a version never changes once written, so a reader may keep them by id.
     */
    public Map<Long, Long> asOf(Collection<Long> workflowIds, LocalDate day) {
        Map<Long, Long> versions = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return versions;
        }
        Map<Long, Instant> cutoffs = new HashMap<>();
        jdbc.sql("""
                SELECT id, workflow_id, valid_from FROM portfolio_workflow_version
                WHERE workflow_id IN (:ids) ORDER BY workflow_id, id
                """).param("ids", workflowIds).query(rs -> {
                    long workflow = rs.getLong(2);
                    Instant recorded = dev.pitwall.platform.jdbc.SqlValues.instant(rs, "valid_from");
                    Instant cutoff = cutoffs.computeIfAbsent(workflow,
                            w -> dev.pitwall.platform.jdbc.AsOf.cutoff(day, recorded));
                    if (recorded.isBefore(cutoff)) {
                        versions.put(workflow, rs.getLong(1));
                    }
                });
        return versions;
    }

    /** The snapshots of these versions, by version id. */
    public Map<Long, String> parts(Collection<Long> versionIds) {
        Map<Long, String> parts = new HashMap<>();
        List<Long> ids = List.copyOf(versionIds);
        for (int i = 0; i < ids.size(); i += 1_000) {
            jdbc.sql("SELECT id, parts FROM portfolio_workflow_version WHERE id IN (:ids)")
                    .param("ids", ids.subList(i, Math.min(ids.size(), i + 1_000)))
                    .query(rs -> {
                        parts.put(rs.getLong(1), rs.getString(2));
                    });
        }
        return parts;
    }
}
