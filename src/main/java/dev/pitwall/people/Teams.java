package dev.pitwall.people;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
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

/** The teams table. */
@Repository
class Teams {

    private static final String SELECT = """
            SELECT t.*, parent.name AS parent_name,
                (SELECT COUNT(*) FROM people_person p WHERE p.team_id = t.id AND p.active = TRUE) AS headcount
            FROM people_team t
            LEFT JOIN people_team parent ON parent.id = t.parent_id
            """;

    private final JdbcClient jdbc;

    Teams(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Team> findAll() {
        return jdbc.sql(SELECT + " ORDER BY t.name").query(Teams::map).list();
    }

    Optional<Team> findById(long id) {
        return jdbc.sql(SELECT + " WHERE t.id = ?").param(id).query(Teams::map).optional();
    }

    Optional<Team> findByName(String name) {
        return jdbc.sql(SELECT + " WHERE t.name_key = ?").param(key(name)).query(Teams::map).optional();
    }

    long insert(TeamDraft team, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO people_team (name, name_key, parent_id, description, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?)
                """)
                .params(team.name(), key(team.name()), team.parentId(), team.description(), utc(now), utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, TeamDraft team, Instant now) {
        jdbc.sql("UPDATE people_team SET name = ?, name_key = ?, parent_id = ?, description = ?, updated_at = ? WHERE id = ?")
                .params(team.name(), key(team.name()), team.parentId(), team.description(), utc(now), id)
                .update();
    }

    void delete(long id) {
        jdbc.sql("DELETE FROM people_team WHERE id = ?").param(id).update();
    }

    /** Members (active or not) and sub-teams that keep a team from being deleted. */
    long dependents(long id) {
        return jdbc.sql("""
                SELECT (SELECT COUNT(*) FROM people_person WHERE team_id = :id)
                     + (SELECT COUNT(*) FROM people_team WHERE parent_id = :id)
                """).param("id", id).query(Long.class).single();
    }

    java.util.Set<Long> activeMemberIds(java.util.Collection<Long> teamIds) {
        return new java.util.HashSet<>(jdbc.sql("SELECT id FROM people_person WHERE active = TRUE AND team_id IN (:teams)")
                .param("teams", List.copyOf(teamIds)).query(Long.class).list());
    }

    static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    private static Team map(ResultSet rs, int row) throws SQLException {
        return new Team(rs.getLong("id"), rs.getString("name"), nullableLong(rs, "parent_id"),
                rs.getString("parent_name"), rs.getString("description"), rs.getLong("headcount"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
