package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.OperatingReview;
import dev.pitwall.operations.ReviewAction;
import dev.pitwall.operations.ReviewAgenda;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Operating reviews with their attendees, decisions and actions, and each workflow's own cadence. */
@Repository
public class OperatingReviews {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String ACTION_SELECT = """
            SELECT a.*, r.held_on, w.workflow_key, w.name AS workflow_name, p.name AS owner_name, p.email AS owner_email
            FROM operations_review_action a JOIN operations_review r ON r.id = a.review_id
            JOIN portfolio_workflow w ON w.id = a.workflow_id JOIN people_person p ON p.id = a.owner_id
            """;

    private final JdbcClient jdbc;

    OperatingReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long workflowId, LocalDate heldOn, String notes, ReviewAgenda agenda, String by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operations_review (workflow_id, held_on, notes, agenda_json, recorded_by, recorded_at)
                VALUES (:workflow, :held, :notes, :agenda, :by, :now)
                """).param("workflow", workflowId).param("held", heldOn).param("notes", notes)
                .param("agenda", JSON.writeValueAsString(agenda)).param("by", by).param("now", utc(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    public void attendee(long reviewId, long personId) {
        jdbc.sql("INSERT INTO operations_review_attendee (review_id, person_id) VALUES (:review, :person)")
                .param("review", reviewId).param("person", personId).update();
    }

    public void decision(long reviewId, int position, String text) {
        jdbc.sql("INSERT INTO operations_review_decision (review_id, position, text_value) VALUES (:review, :position, :text)")
                .param("review", reviewId).param("position", position).param("text", text).update();
    }

    public void action(long reviewId, long workflowId, String title, long ownerId, LocalDate dueOn) {
        jdbc.sql("""
                INSERT INTO operations_review_action (review_id, workflow_id, title, owner_id, due_on)
                VALUES (:review, :workflow, :title, :owner, :due)
                """).param("review", reviewId).param("workflow", workflowId).param("title", title).param("owner", ownerId)
                .param("due", dueOn).update();
    }

    public Optional<OperatingReview> find(long id) {
        return jdbc.sql("""
                SELECT r.*, w.workflow_key, w.name AS workflow_name FROM operations_review r
                JOIN portfolio_workflow w ON w.id = r.workflow_id WHERE r.id = :id
                """).param("id", id).query((rs, n) -> review(rs)).optional();
    }

    /** A workflow's reviews, newest first. */
    public List<OperatingReview> ofWorkflow(long workflowId) {
        return jdbc.sql("""
                SELECT r.*, w.workflow_key, w.name AS workflow_name FROM operations_review r
                JOIN portfolio_workflow w ON w.id = r.workflow_id WHERE r.workflow_id = :id
                ORDER BY r.held_on DESC, r.id DESC
                """).param("id", workflowId).query((rs, n) -> review(rs)).list();
    }

    /** The most recent reviews across workflows, newest first. */
    public List<OperatingReview> recent(int limit) {
        return jdbc.sql("""
                SELECT r.*, w.workflow_key, w.name AS workflow_name FROM operations_review r
                JOIN portfolio_workflow w ON w.id = r.workflow_id ORDER BY r.held_on DESC, r.id DESC
                FETCH FIRST %d ROWS ONLY
                """.formatted(limit)).query((rs, n) -> review(rs)).list();
    }

    /** Workflow id → the day of its last review held on or before {@code day}. */
    public Map<Long, LocalDate> lastHeld(LocalDate day) {
        Map<Long, LocalDate> last = new HashMap<>();
        jdbc.sql("SELECT workflow_id, MAX(held_on) AS last_on FROM operations_review WHERE held_on <= :day GROUP BY workflow_id")
                .param("day", day).query((rs, n) -> last.put(rs.getLong("workflow_id"), date(rs, "last_on"))).list();
        return last;
    }

    /** The day of the workflow's last review held on or before {@code day}, if any. */
    public Optional<LocalDate> lastHeld(long workflowId, LocalDate day) {
        return jdbc.sql("SELECT MAX(held_on) FROM operations_review WHERE workflow_id = :id AND held_on <= :day")
                .param("id", workflowId).param("day", day).query(LocalDate.class).list().stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The workflow's own cadence in months, if it has one. */
    public Optional<Integer> cadence(long workflowId) {
        return jdbc.sql("SELECT every_months FROM operations_review_cadence WHERE workflow_id = :id").param("id", workflowId)
                .query(Integer.class).optional();
    }

    /** Workflow id → its own cadence in months. */
    public Map<Long, Integer> cadences() {
        Map<Long, Integer> cadences = new HashMap<>();
        jdbc.sql("SELECT workflow_id, every_months FROM operations_review_cadence")
                .query((rs, n) -> cadences.put(rs.getLong("workflow_id"), rs.getInt("every_months"))).list();
        return cadences;
    }

    public void saveCadence(long workflowId, Integer everyMonths, String by, Instant now) {
        jdbc.sql("DELETE FROM operations_review_cadence WHERE workflow_id = :id").param("id", workflowId).update();
        if (everyMonths != null) {
            jdbc.sql("""
                    INSERT INTO operations_review_cadence (workflow_id, every_months, updated_at, updated_by)
                    VALUES (:id, :months, :now, :by)
                    """).param("id", workflowId).param("months", everyMonths).param("now", utc(now)).param("by", by)
                    .update();
        }
    }

    public Optional<ReviewAction> action(long id) {
        return jdbc.sql(ACTION_SELECT + " WHERE a.id = :id").param("id", id).query((rs, n) -> action(rs)).optional();
    }

    public List<ReviewAction> openActionsOfWorkflow(long workflowId) {
        return jdbc.sql(ACTION_SELECT + " WHERE a.workflow_id = :id AND a.done_on IS NULL ORDER BY a.due_on, a.id")
                .param("id", workflowId).query((rs, n) -> action(rs)).list();
    }

    public List<ReviewAction> openActionsOwnedBy(long personId) {
        return jdbc.sql(ACTION_SELECT + " WHERE a.owner_id = :person AND a.done_on IS NULL ORDER BY a.due_on, a.id")
                .param("person", personId).query((rs, n) -> action(rs)).list();
    }

    public List<ReviewAction> openActions() {
        return jdbc.sql(ACTION_SELECT + " WHERE a.done_on IS NULL ORDER BY a.due_on, a.id").query((rs, n) -> action(rs))
                .list();
    }

    public void done(long actionId, LocalDate on, String by) {
        jdbc.sql("UPDATE operations_review_action SET done_on = :on, done_by = :by WHERE id = :id").param("on", on)
                .param("by", by).param("id", actionId).update();
    }

    private OperatingReview review(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        List<OperatingReview.Attendee> attendees = jdbc.sql("""
                SELECT p.id, p.name, p.email FROM operations_review_attendee a JOIN people_person p ON p.id = a.person_id
                WHERE a.review_id = :id ORDER BY p.name
                """).param("id", id).query((r, n) -> new OperatingReview.Attendee(r.getLong("id"), r.getString("name"),
                r.getString("email"))).list();
        List<String> decisions = jdbc.sql("SELECT text_value FROM operations_review_decision WHERE review_id = :id ORDER BY position")
                .param("id", id).query(String.class).list();
        List<ReviewAction> actions = jdbc.sql(ACTION_SELECT + " WHERE a.review_id = :id ORDER BY a.id").param("id", id)
                .query((r, n) -> action(r)).list();
        return new OperatingReview(id, rs.getString("workflow_key"), rs.getString("workflow_name"), date(rs, "held_on"),
                rs.getString("notes"), JSON.readValue(rs.getString("agenda_json"), ReviewAgenda.class), attendees,
                decisions, actions, rs.getString("recorded_by"), instant(rs, "recorded_at"));
    }

    private static ReviewAction action(ResultSet rs) throws SQLException {
        return new ReviewAction(rs.getLong("id"), rs.getLong("review_id"), rs.getString("workflow_key"),
                rs.getString("workflow_name"), rs.getString("title"), rs.getLong("owner_id"), rs.getString("owner_name"),
                rs.getString("owner_email"), date(rs, "due_on"), date(rs, "done_on"), rs.getString("done_by"));
    }
}
