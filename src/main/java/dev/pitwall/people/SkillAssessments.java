package dev.pitwall.people;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The skill assessments table. */
@Repository
class SkillAssessments {

    private static final String SELECT = """
            SELECT a.*, p.name AS person_name, s.name AS skill_name
            FROM people_skill_assessment a
            JOIN people_person p ON p.id = a.person_id
            JOIN people_skill s ON s.id = a.skill_id
            """;

    /** Filters of the assessments list; {@code null} matches all. */
    record Filter(Long personId, Long skillId, LocalDate from, LocalDate to) {
    }

    private final JdbcClient jdbc;

    SkillAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SkillAssessment> find(long personId, long skillId, LocalDate assessedOn, String source) {
        return jdbc.sql(SELECT + " WHERE a.person_id = ? AND a.skill_id = ? AND a.assessed_on = ? AND a.source = ?")
                .params(personId, skillId, assessedOn, source).query(SkillAssessments::map).optional();
    }

    Optional<SkillAssessment> findById(long id) {
        return jdbc.sql(SELECT + " WHERE a.id = ?").param(id).query(SkillAssessments::map).optional();
    }

    long insert(NewSkillAssessment assessment, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO people_skill_assessment (person_id, skill_id, level, assessed_on, source, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(assessment.personId(), assessment.skillId(), assessment.level(), assessment.assessedOn(),
                        assessment.source(), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void updateLevel(long id, int level) {
        jdbc.sql("UPDATE people_skill_assessment SET level = ? WHERE id = ?").params(level, id).update();
    }

    List<SkillAssessment> list(Filter filter, PageQuery page) {
        SqlWhere where = where(filter);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY a.assessed_on DESC, a.id DESC LIMIT :limit OFFSET :offset")
                .params(where.params()).param("limit", page.size()).param("offset", page.offset())
                .query(SkillAssessments::map).list();
    }

    long count(Filter filter) {
        SqlWhere where = where(filter);
        return jdbc.sql("SELECT COUNT(*) FROM people_skill_assessment a" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Each skill's most recent assessment of a person (the latest date; ties broken by the newest row). */
    List<SkillAssessment> latestOf(long personId) {
        return jdbc.sql(SELECT + """
                WHERE a.person_id = :person AND NOT EXISTS (
                    SELECT 1 FROM people_skill_assessment b
                    WHERE b.person_id = a.person_id AND b.skill_id = a.skill_id
                      AND (b.assessed_on > a.assessed_on OR (b.assessed_on = a.assessed_on AND b.id > a.id)))
                ORDER BY s.name
                """).param("person", personId).query(SkillAssessments::map).list();
    }

    /** person → skill → level of the latest assessment on or before {@code asOf}. */
    java.util.Map<Long, java.util.Map<Long, Integer>> levelsAsOf(java.util.Collection<Long> personIds, LocalDate asOf) {
        java.util.Map<Long, java.util.Map<Long, Integer>> levels = new java.util.HashMap<>();
        List<Long> all = List.copyOf(personIds);
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("""
                    SELECT a.person_id, a.skill_id, a.level FROM people_skill_assessment a
                    WHERE a.person_id IN (:people) AND a.assessed_on <= :asOf AND NOT EXISTS (
                        SELECT 1 FROM people_skill_assessment b
                        WHERE b.person_id = a.person_id AND b.skill_id = a.skill_id AND b.assessed_on <= :asOf
                          AND (b.assessed_on > a.assessed_on OR (b.assessed_on = a.assessed_on AND b.id > a.id)))
                    """).param("people", all.subList(i, Math.min(all.size(), i + 1_000))).param("asOf", asOf)
                    .query(rs -> {
                        levels.computeIfAbsent(rs.getLong(1), k -> new java.util.HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                    });
        }
        return levels;
    }

    /** Every assessment of these persons, in chunks of 1,000 persons (see {@link SkillHistory}). */
    SkillHistory historyOf(java.util.Collection<Long> personIds) {
        SkillHistory.Builder history = new SkillHistory.Builder(personIds);
        List<Long> all = List.copyOf(personIds);
        for (int i = 0; i < all.size(); i += 1_000) {
            jdbc.sql("SELECT person_id, id, skill_id, level, assessed_on FROM people_skill_assessment WHERE person_id IN (:people)")
                    .param("people", all.subList(i, Math.min(all.size(), i + 1_000)))
                    .query(rs -> {
                        history.add(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4), date(rs, "assessed_on"));
                    });
        }
        return history.build();
    }

    java.util.Optional<LocalDate> firstAssessedOn(java.util.Collection<Long> personIds, java.util.Collection<Long> skillIds) {
        LocalDate first = null;
        List<Long> all = List.copyOf(personIds);
        for (int i = 0; i < all.size(); i += 1_000) {
            LocalDate chunk = jdbc.sql("""
                    SELECT MIN(assessed_on) FROM people_skill_assessment
                    WHERE person_id IN (:people) AND skill_id IN (:skills)
                    """).param("people", all.subList(i, Math.min(all.size(), i + 1_000))).param("skills", skillIds)
                    .query(LocalDate.class).optional().orElse(null);
            first = first == null || chunk != null && chunk.isBefore(first) ? (chunk == null ? first : chunk) : first;
        }
        return java.util.Optional.ofNullable(first);
    }

    long countPeopleAssessed() {
        return jdbc.sql("""
                SELECT COUNT(DISTINCT a.person_id) FROM people_skill_assessment a
                JOIN people_person p ON p.id = a.person_id WHERE p.active = TRUE
                """).query(Long.class).single();
    }

    private static SqlWhere where(Filter filter) {
        return new SqlWhere()
                .and("a.person_id = :person", "person", filter.personId())
                .and("a.skill_id = :skill", "skill", filter.skillId())
                .and("a.assessed_on >= :from", "from", filter.from())
                .and("a.assessed_on <= :to", "to", filter.to());
    }

    private static SkillAssessment map(ResultSet rs, int row) throws SQLException {
        return new SkillAssessment(rs.getLong("id"), rs.getLong("person_id"), rs.getString("person_name"),
                rs.getLong("skill_id"), rs.getString("skill_name"), rs.getInt("level"), date(rs, "assessed_on"),
                rs.getString("source"));
    }
}
