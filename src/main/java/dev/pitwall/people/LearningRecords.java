package dev.pitwall.people;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The learning records table. */
@Repository
class LearningRecords {

    private static final String SELECT = """
            SELECT r.*, p.name AS person_name, s.name AS skill_name
            FROM people_learning_record r
            JOIN people_person p ON p.id = r.person_id
            LEFT JOIN people_skill s ON s.id = r.skill_id
            """;

    /** Filters of the learning records list; {@code null} matches all. */
    record Filter(Long personId, LearningStatus status, String workflowKey, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;

    LearningRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<LearningRecord> find(long personId, String course, LocalDate completedOn, LearningStatus status) {
        return jdbc.sql(SELECT + " WHERE r.person_id = ? AND r.course_key = ? AND r.completed_on = ? AND r.status = ?")
                .params(personId, key(course), completedOn, status.name()).query(LearningRecords::map).optional();
    }

    Optional<LearningRecord> findById(long id) {
        return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(LearningRecords::map).optional();
    }

    long insert(NewLearningRecord record, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO people_learning_record (person_id, course, course_key, skill_id, status, score, completed_on,
                    workflow_key, source, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(record.personId(), record.course(), key(record.course()), record.skillId(),
                        record.status().name(), record.score(), record.completedOn(), record.workflowKey(),
                        record.source(), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, NewLearningRecord record) {
        jdbc.sql("UPDATE people_learning_record SET course = ?, skill_id = ?, score = ?, workflow_key = ?, source = ? WHERE id = ?")
                .params(record.course(), record.skillId(), record.score(), record.workflowKey(), record.source(), id)
                .update();
    }

    List<LearningRecord> list(Filter filter, PageQuery page) {
        SqlWhere where = where(filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY r.completed_on DESC, r.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(LearningRecords::map).list();
    }

    long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM people_learning_record r" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Active people with at least one completed or passed learning record. */
    long countPeopleTrained() {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT r.person_id) FROM people_learning_record r
                JOIN people_person p ON p.id = r.person_id
                WHERE p.active = TRUE AND r.status IN ('COMPLETED', 'PASSED')
                """).query(Long.class).single();
    }

    /** Of these persons, those with a completed or passed learning record linked to the workflow by {@code asOf}. */
    java.util.Set<Long> trainedFor(String workflowKey, java.util.Collection<Long> personIds, LocalDate asOf) {
        java.util.Set<Long> trained = new java.util.HashSet<>();
        List<Long> all = List.copyOf(personIds);
        for (int i = 0; i < all.size(); i += 1_000) {
            trained.addAll(jdbc.sql("""
                    SELECT DISTINCT person_id FROM people_learning_record
                    WHERE workflow_key = :workflow AND status IN ('COMPLETED', 'PASSED') AND completed_on <= :asOf
                      AND person_id IN (:people)
                    """).param("workflow", workflowKey).param("asOf", asOf)
                    .param("people", all.subList(i, Math.min(all.size(), i + 1_000))).query(Long.class).list());
        }
        return trained;
    }

    /** Workflow key → everyone with a completed or passed learning record linked to it by {@code asOf}. */
    java.util.Map<String, java.util.Set<Long>> trainedByWorkflow(java.util.Collection<String> workflowKeys, LocalDate asOf) {
        java.util.Map<String, java.util.Set<Long>> trained = new java.util.HashMap<>();
        List<String> all = List.copyOf(workflowKeys);
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("""
                    SELECT DISTINCT workflow_key, person_id FROM people_learning_record
                    WHERE workflow_key IN (:workflows) AND status IN ('COMPLETED', 'PASSED') AND completed_on <= :asOf
                    """).param("workflows", all.subList(i, Math.min(all.size(), i + 1_000))).param("asOf", asOf)
                    .query(rs -> {
                        trained.computeIfAbsent(rs.getString(1), k -> new java.util.HashSet<>()).add(rs.getLong(2));
                    });
        }
        return trained;
    }

    static String key(String course) {
        return course.trim().toLowerCase(Locale.ROOT);
    }

    private static SqlWhere where(Filter filter) {
        return new SqlWhere()
                .and("r.person_id = :person", "person", filter.personId())
                .and("r.status = :status", "status", filter.status())
                .and("r.workflow_key = :workflow", "workflow", filter.workflowKey())
                .and("r.completed_on >= :from", "from", filter.from())
                .and("r.completed_on <= :to", "to", filter.to());
    }

    private static LearningRecord map(ResultSet rs, int row) throws SQLException {
        return new LearningRecord(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getString("course"), nullableLong(rs, "skill_id"), rs.getString("skill_name"),
                LearningStatus.valueOf(rs.getString("status")), rs.getBigDecimal("score"), date(rs, "completed_on"),
                rs.getString("workflow_key"), rs.getString("source"));
    }
}
