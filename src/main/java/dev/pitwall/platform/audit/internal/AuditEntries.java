package dev.pitwall.platform.audit.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.audit.AuditAction;
import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The audit log's table and the head row that marks the end of the chain. */
@Repository
public class AuditEntries {

    /** The end of the chain: the last sequence and its hash. */
    public record Head(long lastSequence, String lastHash) {
    }

    private final JdbcClient jdbc;

    AuditEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Reads and locks the head until the transaction ends, so appends are serialized. */
    public Head lockHead() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM platform_audit_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2).trim()))
                .single();
    }

    public Head head() {
        return jdbc.sql("SELECT last_sequence, last_hash FROM platform_audit_head WHERE id = 1")
                .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2).trim()))
                .single();
    }

    public void moveHead(Head head) {
        jdbc.sql("UPDATE platform_audit_head SET last_sequence = ?, last_hash = ? WHERE id = 1")
                .params(head.lastSequence(), head.lastHash())
                .update();
    }

    public void insert(AuditEntry entry) {
        jdbc.sql("""
                INSERT INTO platform_audit_entry (sequence, occurred_at, actor, entity_type, entity_id, action,
                    before_state, after_state, previous_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(entry.sequence(), utc(entry.occurredAt()), entry.actor(),
                        entry.entityType(), entry.entityId(), entry.action().name(), entry.before(), entry.after(),
                        entry.previousHash(), entry.hash())
                .update();
    }

    /** Entries after {@code afterSequence} up to {@code upToSequence} in chain order, at most {@code limit}. */
    public List<AuditEntry> chainAfter(long afterSequence, long upToSequence, int limit) {
        return jdbc.sql("SELECT * FROM platform_audit_entry WHERE sequence > ? AND sequence <= ? ORDER BY sequence LIMIT ?")
                .params(afterSequence, upToSequence, limit)
                .query(AuditEntries::map)
                .list();
    }

    public List<AuditEntry> find(AuditQuery query, PageQuery page) {
        SqlWhere where = where(query);
        return jdbc.sql("SELECT * FROM platform_audit_entry" + where.sql() + " ORDER BY sequence DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(AuditEntries::map)
                .list();
    }

    public long count(AuditQuery query) {
        SqlWhere where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM platform_audit_entry" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    private static SqlWhere where(AuditQuery query) {
        return new SqlWhere()
                .and("entity_type = :entityType", "entityType", query.entityType())
                .and("entity_id = :entityId", "entityId", query.entityId())
                .and("actor = :actor", "actor", query.actor())
                .and("action = :action", "action", query.action())
                .and("occurred_at >= :from", "from", utc(query.from()))
                .and("occurred_at < :to", "to", utc(query.to()));
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(rs.getLong("sequence"),
                instant(rs, "occurred_at"),
                rs.getString("actor"), rs.getString("entity_type"), rs.getString("entity_id"),
                AuditAction.valueOf(rs.getString("action")), rs.getString("before_state"),
                rs.getString("after_state"), rs.getString("previous_hash").trim(), rs.getString("hash").trim());
    }
}
