package dev.pitwall.review.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.review.ReviewItem;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Review items. */
@Repository
public class ReviewItems {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SELECT = """
            SELECT i.*, w.workflow_key, w.name AS workflow_name, s.system_key, a.name AS assignee_name,
                d.name AS decided_by_name
            FROM review_item i JOIN portfolio_workflow w ON w.id = i.workflow_id
            JOIN portfolio_ai_system s ON s.id = i.system_id LEFT JOIN people_person a ON a.id = i.assignee_id
            LEFT JOIN people_person d ON d.id = i.decided_by_id
            """;

    private final JdbcClient jdbc;

    ReviewItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row to insert. */
    public record Row(long workflowId, long systemId, String reference, String summary, String content,
            BigDecimal confidence, List<String> riskFlags, Map<String, Object> attributes, String callbackUrl,
            Instant contentExpiresAt) {
    }

    /**
     * Inserts the item unless the system already submitted this reference; returns the id of the
     * new item, or empty when it existed (a concurrent retry included).
     */
    public Optional<Long> insert(Row row, String by, Instant now) {
        int inserted = jdbc.sql("""
                INSERT INTO review_item (workflow_id, system_id, external_reference, summary, content, confidence,
                    risk_flags, attributes, callback_url, status, route_step, breaches, submitted_at, submitted_by,
                    decisions, content_expires_at)
                SELECT :workflow, :system, :reference, :summary, :content, :confidence, :flags, :attributes, :callback,
                    'PENDING', 0, 0, :now, :by, 0, :expires
                WHERE NOT EXISTS (SELECT 1 FROM review_item WHERE system_id = :system AND external_reference = :reference)
                """).param("workflow", row.workflowId()).param("system", row.systemId()).param("reference", row.reference())
                .param("summary", row.summary()).param("content", row.content()).param("confidence", row.confidence())
                .param("flags", row.riskFlags() == null || row.riskFlags().isEmpty() ? null : String.join(",", row.riskFlags()))
                .param("attributes", row.attributes() == null || row.attributes().isEmpty() ? null
                        : JSON.writeValueAsString(row.attributes()))
                .param("callback", row.callbackUrl()).param("now", utc(now)).param("by", by)
                .param("expires", row.contentExpiresAt() == null ? null : utc(row.contentExpiresAt())).update();
        return inserted == 1 ? find(row.systemId(), row.reference()).map(ReviewItem::id) : Optional.empty();
    }

    public Optional<ReviewItem> find(long systemId, String reference) {
        return jdbc.sql(SELECT + " WHERE i.system_id = :system AND i.external_reference = :reference")
                .param("system", systemId).param("reference", reference).query((rs, n) -> map(rs)).optional();
    }

    public Optional<ReviewItem> find(long id) {
        return jdbc.sql(SELECT + " WHERE i.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** Locks the item for a decision or an escalation. */
    public Optional<ReviewItem> lock(long id) {
        jdbc.sql("SELECT id FROM review_item WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).optional();
        return find(id);
    }

    public void route(long id, Long assigneeId, String right, String role, int step, List<String> gaps, Instant dueAt) {
        jdbc.sql("UPDATE review_item SET assignee_id = :assignee, assignee_right = :right, assignee_role = :role, "
                + "route_step = :step, gaps = :gaps, due_at = :due WHERE id = :id").param("assignee", assigneeId)
                .param("right", right).param("role", role)
                .param("step", step).param("gaps", gaps.isEmpty() ? null : String.join("\n", gaps))
                .param("due", dueAt == null ? null : utc(dueAt)).param("id", id).update();
    }

    public void breached(long id) {
        jdbc.sql("UPDATE review_item SET breaches = breaches + 1 WHERE id = :id").param("id", id).update();
    }

    public void decide(long id, long personId, String outcome, String reason, String reasonText, String editedOutput,
            Instant now) {
        jdbc.sql("""
                UPDATE review_item SET status = 'DECIDED', decided_at = :now, decided_by_id = :person, outcome = :outcome,
                    reason = :reason, reason_text = :text, edited_output = :edited, due_at = NULL,
                    decisions = decisions + 1 WHERE id = :id
                """).param("now", utc(now)).param("person", personId).param("outcome", outcome).param("reason", reason)
                .param("text", reasonText).param("edited", editedOutput).param("id", id).update();
    }

    /**
     * Pending items of a person, the soonest due first: those assigned to them, and those in the
     * shared queue of a role of the item's workflow they are a member of.
     */
    public List<ReviewItem> pendingOf(long personId) {
        return jdbc.sql(SELECT + """
                 WHERE i.status = 'PENDING' AND (i.assignee_id = :person OR (i.assignee_role IS NOT NULL AND EXISTS (
                    SELECT 1 FROM portfolio_workflow_role r JOIN portfolio_role_member m ON m.role_id = r.id
                    WHERE r.workflow_id = i.workflow_id AND LOWER(r.name) = LOWER(i.assignee_role)
                        AND m.person_id = :person)))
                ORDER BY i.due_at, i.id""").param("person", personId).query((rs, n) -> map(rs)).list();
    }

    /** How many pending items each of these people has assigned (absent: none): the load a role's queue balances. */
    public Map<Long, Integer> pendingCounts(java.util.Collection<Long> personIds) {
        Map<Long, Integer> counts = new java.util.HashMap<>();
        if (!personIds.isEmpty()) {
            jdbc.sql("SELECT assignee_id, COUNT(*) AS n FROM review_item WHERE status = 'PENDING' "
                    + "AND assignee_id IN (:people) GROUP BY assignee_id").param("people", personIds)
                    .query(rs -> {
                        counts.put(rs.getLong("assignee_id"), rs.getInt("n"));
                    });
        }
        return counts;
    }

    /** Removes the content of items whose retention ended; returns how many. */
    public int removeExpiredContent(Instant now) {
        return jdbc.sql("""
                UPDATE review_item SET content = NULL, edited_output = NULL, content_removed_at = :now,
                    content_expires_at = NULL WHERE content_expires_at <= :now""").param("now", utc(now)).update();
    }

    /** Ids of pending items past their deadline. */
    public List<Long> overdue(Instant now) {
        return jdbc.sql("SELECT id FROM review_item WHERE status = 'PENDING' AND due_at < :now ORDER BY due_at")
                .param("now", utc(now)).query(Long.class).list();
    }

    private static ReviewItem map(ResultSet rs) throws SQLException {
        String flags = rs.getString("risk_flags");
        String attributes = rs.getString("attributes");
        String gaps = rs.getString("gaps");
        return new ReviewItem(rs.getLong("id"), rs.getString("workflow_key"), rs.getString("workflow_name"),
                rs.getString("system_key"), rs.getString("external_reference"), rs.getString("summary"),
                rs.getString("content"), rs.getBigDecimal("confidence"),
                flags == null ? List.of() : Arrays.asList(flags.split(",")),
                attributes == null ? Map.of() : JSON.readValue(attributes, new TypeReference<Map<String, Object>>() { }),
                rs.getString("callback_url"), rs.getString("status"), nullableLong(rs, "assignee_id"),
                rs.getString("assignee_name"), rs.getString("assignee_right"), rs.getString("assignee_role"), rs.getInt("route_step"),
                gaps == null ? List.of() : Arrays.asList(gaps.split("\n")), instant(rs, "due_at"), rs.getInt("breaches"),
                instant(rs, "submitted_at"), rs.getString("submitted_by"), instant(rs, "decided_at"),
                nullableLong(rs, "decided_by_id"), rs.getString("decided_by_name"), rs.getString("outcome"),
                rs.getString("reason"), rs.getString("reason_text"), rs.getString("edited_output"), rs.getInt("decisions"),
                instant(rs, "content_expires_at"), instant(rs, "content_removed_at"));
    }
}
