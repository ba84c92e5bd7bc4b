package dev.pitwall.governance.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.governance.ControlStatus;
import dev.pitwall.governance.Evidence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** What workflows recorded of their controls, and the evidence. */
@Repository
public class Implementations {

    /** A recorded implementation row (absent rows are MISSING). */
    public record Row(long workflowId, long controlId, ControlStatus status, Long ownerId, String ownerName,
            String ownerEmail, LocalDate reviewOn, LocalDate expiresOn, String note, LocalDate expiredOn) {
    }

    /** A stored file. */
    public record StoredFile(String fileName, String contentType, String sha256, byte[] content) {
    }

    private final JdbcClient jdbc;

    Implementations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of the given workflows (all when null), keyed by workflow id then control id. */
    public Map<Long, Map<Long, Row>> rows(List<Long> workflowIds) {
        Map<Long, Map<Long, Row>> rows = new HashMap<>();
        String where = workflowIds == null ? "" : " WHERE i.workflow_id IN (:ids)";
        var statement = jdbc.sql("""
                SELECT i.*, p.name AS owner_name, p.email AS owner_email FROM governance_implementation i
                LEFT JOIN people_person p ON p.id = i.owner_id""" + where);
        if (workflowIds != null) {
            if (workflowIds.isEmpty()) {
                return rows;
            }
            statement = statement.param("ids", workflowIds);
        }
        statement.query(rs -> {
            Row row = new Row(rs.getLong("workflow_id"), rs.getLong("control_id"),
                    ControlStatus.valueOf(rs.getString("status")), nullableLong(rs, "owner_id"),
                    rs.getString("owner_name"), rs.getString("owner_email"), date(rs, "review_on"),
                    date(rs, "expires_on"), rs.getString("note"), date(rs, "expired_on"));
            rows.computeIfAbsent(row.workflowId(), k -> new HashMap<>()).put(row.controlId(), row);
        });
        return rows;
    }

    public Optional<Row> row(long workflowId, long controlId) {
        return Optional.ofNullable(rows(List.of(workflowId)).getOrDefault(workflowId, Map.of()).get(controlId));
    }

    public void upsert(long workflowId, long controlId, ControlStatus status, Long ownerId, LocalDate reviewOn,
            LocalDate expiresOn, String note, Instant now) {
        int updated = jdbc.sql("""
                UPDATE governance_implementation SET status = ?, owner_id = ?, review_on = ?, expires_on = ?, note = ?,
                    expired_on = NULL, updated_at = ? WHERE workflow_id = ? AND control_id = ?
                """).params(status.name(), ownerId, reviewOn, expiresOn, note, utc(now), workflowId, controlId).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO governance_implementation (workflow_id, control_id, status, owner_id, review_on,
                        expires_on, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(workflowId, controlId, status.name(), ownerId, reviewOn, expiresOn, note, utc(now))
                    .update();
        }
    }

    /** A control in place whose evidence expired. */
    public record Expired(long workflowId, long controlId, String workflowKey, String controlKey, ControlStatus status,
            LocalDate expiresOn) {
    }

    /** Controls in place whose evidence expired before {@code day}. */
    public List<Expired> expiredBefore(LocalDate day) {
        return jdbc.sql("""
                SELECT i.workflow_id, i.control_id, w.workflow_key, c.control_key, i.status, i.expires_on
                FROM governance_implementation i
                JOIN portfolio_workflow w ON w.id = i.workflow_id
                JOIN governance_control c ON c.id = i.control_id
                WHERE i.status IN ('IMPLEMENTED', 'VERIFIED') AND i.expires_on < ?
                """).param(day)
                .query((rs, n) -> new Expired(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        ControlStatus.valueOf(rs.getString(5)), date(rs, "expires_on")))
                .list();
    }

    public void markExpired(long workflowId, long controlId, LocalDate expiredOn, Instant now) {
        jdbc.sql("""
                UPDATE governance_implementation SET status = 'PLANNED', expired_on = ?, updated_at = ?
                WHERE workflow_id = ? AND control_id = ?
                """).params(expiredOn, utc(now), workflowId, controlId).update();
    }

    /** Evidence (without file content) of the given workflows, by workflow id then control id. */
    public Map<Long, Map<Long, List<Evidence>>> evidence(List<Long> workflowIds) {
        Map<Long, Map<Long, List<Evidence>>> all = new HashMap<>();
        if (workflowIds.isEmpty()) {
            return all;
        }
        jdbc.sql("""
                SELECT id, workflow_id, control_id, kind, title, url, file_name, content_type, size_bytes, sha256,
                       added_by, added_at FROM governance_evidence WHERE workflow_id IN (:ids) ORDER BY added_at, id
                """).param("ids", workflowIds).query(rs -> {
                    all.computeIfAbsent(rs.getLong("workflow_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("control_id"), k -> new ArrayList<>())
                            .add(new Evidence(rs.getLong("id"), rs.getString("kind"), rs.getString("title"),
                                    rs.getString("url"), rs.getString("file_name"), rs.getString("content_type"),
                                    nullableLong(rs, "size_bytes"), rs.getString("sha256"), rs.getString("added_by"),
                                    instant(rs, "added_at")));
                });
        return all;
    }

    public long insertLink(long workflowId, long controlId, String title, String url, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO governance_evidence (workflow_id, control_id, kind, title, url, added_by, added_at)
                VALUES (?, ?, 'LINK', ?, ?, ?, ?)
                """).params(workflowId, controlId, title, url, by, utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public long insertFile(long workflowId, long controlId, String title, String fileName, String contentType,
            byte[] content, String sha256, String by, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO governance_evidence (workflow_id, control_id, kind, title, file_name, content_type,
                    size_bytes, sha256, content, added_by, added_at) VALUES (?, ?, 'FILE', ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(workflowId, controlId, title, fileName, contentType, (long) content.length, sha256, content,
                by, utc(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<StoredFile> file(long workflowId, long evidenceId) {
        return jdbc.sql("""
                SELECT file_name, content_type, sha256, content FROM governance_evidence
                WHERE id = ? AND workflow_id = ? AND kind = 'FILE'
                """).params(evidenceId, workflowId)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4)))
                .optional();
    }

    public int deleteEvidence(long workflowId, long evidenceId) {
        return jdbc.sql("DELETE FROM governance_evidence WHERE id = ? AND workflow_id = ?").params(evidenceId, workflowId)
                .update();
    }
}
