package dev.pitwall.people;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The skills catalog table. */
@Repository
class Skills {

    private static final String SELECT = """
            SELECT s.*, (SELECT COUNT(DISTINCT a.person_id) FROM people_skill_assessment a WHERE a.skill_id = s.id)
                AS assessed_people
            FROM people_skill s
            """;

    private final JdbcClient jdbc;

    Skills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Skill> findAll() {
        return jdbc.sql(SELECT + " ORDER BY s.category, s.name").query(Skills::map).list();
    }

    Optional<Skill> findById(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = ?").param(id).query(Skills::map).optional();
    }

    Optional<Skill> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE s.name_key = ?").param(key(name)).query(Skills::map).optional();
    }

    long insert(SkillDraft skill, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO people_skill (name, name_key, category, description, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(skill.name(), key(skill.name()), skill.category(), skill.description(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, SkillDraft skill, Instant now) {
        jdbc.sql("UPDATE people_skill SET name = ?, name_key = ?, category = ?, description = ?, updated_at = ? WHERE id = ?")
                .params(skill.name(), key(skill.name()), skill.category(), skill.description(), utc(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM people_skill WHERE id = ?").param(id).update();
    }

    /** Assessments and learning records that keep a skill from being deleted. */
    long dependents(long id) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM people_skill_assessment WHERE skill_id = :id)
                     + (SELECT COUNT(*) FROM people_learning_record WHERE skill_id = :id)
                """).param("id", id).query(Long.class).single();
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Skill map(ResultSet rs, int row) throws SQLException {
        return new Skill(rs.getLong("id"), rs.getString("name"), rs.getString("category"), rs.getString("description"),
                rs.getLong("assessed_people"));
    }
}
