package dev.pitwall.platform.audit.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.digest.Sha256;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The redacted entries of the audit log and the digests of their redacted content. */
@Repository
public class AuditRedactions {

    /** A redacted entry: the digest of its content now, and the erasure entry that lists it. */
    public record Redaction(long sequence, String contentSha256, long erasureSequence) {
    }

    private final JdbcClient jdbc;
    private final AuditEntries entries;

    AuditRedactions(JdbcClient jdbc, AuditEntries entries) {
        this.jdbc = jdbc;
        this.entries = entries;
    }

    /** The digest of what an entry says beyond its place in the chain (actor, entity id, before, after). */
    public static String contentSha256(String actor, String entityId, String before, String after) {
        return Sha256.hex(CanonicalJson.write(java.util.Arrays.asList(actor, entityId, before, after)));
    }

    /** Entries where any of the texts occurs (ignoring case) in the actor, entity id, before or after. */
    public List<AuditEntry> containing(List<String> texts) {
        List<AuditEntry> found = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (String text : texts) {
            String like = dev.pitwall.platform.jdbc.SqlValues.containsPattern(text);
            List<Long> sequences = jdbc.sql("""
                    SELECT sequence FROM platform_audit_entry
                    WHERE LOWER(actor) LIKE :t ESCAPE '\\' OR LOWER(entity_id) LIKE :t ESCAPE '\\'
                       OR LOWER(before_state) LIKE :t ESCAPE '\\' OR LOWER(after_state) LIKE :t ESCAPE '\\'
                    ORDER BY sequence
                    """).param("t", like).query(Long.class).list();
            for (Long sequence : sequences) {
                if (seen.add(sequence)) {
                    found.addAll(entries.chainAfter(sequence - 1, sequence, 1));
                }
            }
        }
        found.sort(java.util.Comparator.comparingLong(AuditEntry::sequence));
        return found;
    }

    public void rewrite(long sequence, String actor, String entityId, String before, String after) {
        jdbc.sql("UPDATE platform_audit_entry SET actor = ?, entity_id = ?, before_state = ?, after_state = ? "
                + "WHERE sequence = ?").params(actor, entityId, before, after, sequence).update();
    }

    public void record(Redaction redaction, Instant at) {
        jdbc.sql("DELETE FROM platform_audit_redaction WHERE sequence = ?").param(redaction.sequence()).update();
        jdbc.sql("INSERT INTO platform_audit_redaction (sequence, content_sha256, erasure_sequence, redacted_at) "
                + "VALUES (?, ?, ?, ?)").params(redaction.sequence(), redaction.contentSha256(),
                        redaction.erasureSequence(), utc(at)).update();
    }

    public Map<Long, Redaction> all() {
        Map<Long, Redaction> all = new HashMap<>();
        jdbc.sql("SELECT sequence, content_sha256, erasure_sequence FROM platform_audit_redaction")
                .query((rs, n) -> new Redaction(rs.getLong(1), rs.getString(2), rs.getLong(3)))
                .list().forEach(r -> all.put(r.sequence(), r));
        return all;
    }
}
