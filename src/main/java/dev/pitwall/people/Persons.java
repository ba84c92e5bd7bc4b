package dev.pitwall.people;

import static dev.pitwall.platform.jdbc.SqlValues.containsPattern;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.platform.jdbc.SqlWhere;
import dev.pitwall.platform.web.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The persons table. */
@Repository
class Persons {

    private static final String SELECT = """
            SELECT p.*, t.name AS team_name, m.name AS manager_name
            FROM people_person p
            LEFT JOIN people_team t ON t.id = p.team_id
            LEFT JOIN people_person m ON m.id = p.manager_id
            """;
    private static final int CHUNK = 1_000;

    private final JdbcClient jdbc;

    Persons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Person> findById(long id) {
        return jdbc.sql(SELECT + " WHERE p.id = ?").param(id).query(Persons::map).optional();
    }

    Optional<Person> findByEmail(String email) {
        return jdbc.sql(SELECT + " WHERE p.email = ?").param(email.toLowerCase(java.util.Locale.ROOT))
                .query(Persons::map).optional();
    }

    Optional<Person> findByExternalId(String externalId) {
        return jdbc.sql(SELECT + " WHERE p.external_id = ?").param(externalId).query(Persons::map).optional();
    }

    /** Persons by email (lower-case), in chunks so any number of emails can be asked for. */
    Map<String, Person> findByEmails(Collection<String> emails) {
        return findByKeys("p.email", emails, Person::email);
    }

    Map<String, Person> findByExternalIds(Collection<String> externalIds) {
        return findByKeys("p.external_id", externalIds, Person::externalId);
    }

    /** Ids by email or external id (lower-cased emails), without the joins of a full person: for bulk resolution. */
    Map<String, Long> idsBy(String column, Collection<String> keys) {
        Map<String, Long> found = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            jdbc.sql("SELECT id, " + column + " FROM people_person WHERE " + column + " IN (:keys)")
                    .param("keys", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query((rs, n) -> found.put(rs.getString(2), rs.getLong(1))).list();
        }
        return found;
    }

    private Map<String, Person> findByKeys(String column, Collection<String> keys,
            java.util.function.Function<Person, String> keyOf) {
        Map<String, Person> found = new HashMap<>();
        List<String> all = List.copyOf(keys);
        for (int i = 0; i < all.size(); i += CHUNK) {
            List<String> chunk = all.subList(i, Math.min(all.size(), i + CHUNK));
            jdbc.sql(SELECT + " WHERE " + column + " IN (:keys)").param("keys", chunk)
                    .query(Persons::map).list().forEach(p -> found.put(keyOf.apply(p), p));
        }
        return found;
    }

    List<Person> findByIds(Collection<Long> ids) {
        List<Person> found = new ArrayList<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += CHUNK) {
            found.addAll(jdbc.sql(SELECT + " WHERE p.id IN (:ids)").param("ids", all.subList(i, Math.min(all.size(), i + CHUNK)))
                    .query(Persons::map).list());
        }
        return found;
    }

    List<Person> search(PersonQuery query, PersonSort sort, PageQuery page) {
        SqlWhere where = where(query);
        return jdbc.sql(SELECT + where.sql() + " ORDER BY " + sort.orderBy() + " LIMIT :limit OFFSET :offset")
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Persons::map).list();
    }

    long count(PersonQuery query) {
        SqlWhere where = where(query);
        return jdbc.sql("SELECT COUNT(*) FROM people_person p" + where.sql()).params(where.params())
                .query(Long.class).single();
    }

    /** Every person's manager, for cycle checks over the whole hierarchy. */
    Map<Long, Long> managerOfAll() {
        Map<Long, Long> managers = new HashMap<>();
        jdbc.sql("SELECT id, manager_id FROM people_person WHERE manager_id IS NOT NULL")
                .query(rs -> {
                    managers.put(rs.getLong(1), rs.getLong(2));
                });
        return managers;
    }

    long insert(PersonDraft person, Instant now) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO people_person (email, external_id, name, title, team_id, manager_id, level, tier, active,
                    created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(person.email(), person.externalId(), person.name(), person.title(), person.teamId(),
                        person.managerId(), person.level().name(), person.tier().name(), person.active(), utc(now),
                        utc(now))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        version(id, person, now);
        return id;
    }

    /**
     * Records what scorecards read of a person as of a date (team, level, tier, active) with every
     * write, so that figures of past dates use the person as they were then.
     */
    private void version(long id, PersonDraft person, Instant now) {
        jdbc.sql("""
                INSERT INTO people_person_version (person_id, valid_from, team_id, level, tier, active)
                VALUES (?, ?, ?, ?, ?, ?)""")
                .params(id, utc(now), person.teamId(), person.level().name(), person.tier().name(), person.active())
                .update();
    }

    /** Every person's state as of {@code day}, by the rule of {@link dev.pitwall.platform.jdbc.AsOf}. */
    Map<Long, PersonState> statesOn(java.time.LocalDate day) {
        Map<Long, PersonState> states = new HashMap<>();
        Map<Long, Instant> cutoffs = new HashMap<>();
        jdbc.sql("SELECT * FROM people_person_version ORDER BY person_id, id").query(rs -> {
            long person = rs.getLong("person_id");
            Instant recorded = instant(rs, "valid_from");
            Instant cutoff = cutoffs.computeIfAbsent(person, p -> dev.pitwall.platform.jdbc.AsOf.cutoff(day, recorded));
            if (recorded.isBefore(cutoff)) {
                states.put(person, new PersonState(person, nullableLong(rs, "team_id"), Level.valueOf(rs.getString("level")),
                        Tier.valueOf(rs.getString("tier")), rs.getBoolean("active")));
            }
        });
        return states;
    }

    void update(long id, PersonDraft person, Instant now) {
        jdbc.sql("""
                UPDATE people_person SET email = ?, external_id = ?, name = ?, title = ?, team_id = ?, manager_id = ?,
                    level = ?, tier = ?, active = ?, updated_at = ?
                WHERE id = ?
                """)
                .params(person.email(), person.externalId(), person.name(), person.title(), person.teamId(),
                        person.managerId(), person.level().name(), person.tier().name(), person.active(), utc(now), id)
                .update();
        version(id, person, now);
    }

    Map<Tier, Long> countActiveByTier() {
        Map<Tier, Long> counts = new EnumMap<>(Tier.class);
        jdbc.sql("SELECT tier, COUNT(*) FROM people_person WHERE active = TRUE GROUP BY tier")
                .query(rs -> {
                    counts.put(Tier.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    Map<Level, Long> countActiveByLevel() {
        Map<Level, Long> counts = new EnumMap<>(Level.class);
        jdbc.sql("SELECT level, COUNT(*) FROM people_person WHERE active = TRUE GROUP BY level")
                .query(rs -> {
                    counts.put(Level.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private static SqlWhere where(PersonQuery query) {
        String text = query.text() == null || query.text().isBlank() ? null : containsPattern(query.text().trim());
        return new SqlWhere()
                .and("""
                        (LOWER(p.name) LIKE :text ESCAPE '\\' OR p.email LIKE :text ESCAPE '\\'
                         OR LOWER(p.title) LIKE :text ESCAPE '\\' OR LOWER(p.external_id) LIKE :text ESCAPE '\\')""",
                        "text", text)
                .and("p.team_id = :team", "team", query.teamId())
                .and("p.level = :level", "level", query.level())
                .and("p.tier = :tier", "tier", query.tier())
                .and("p.active = :active", "active", query.active())
                .and("p.manager_id = :manager", "manager", query.managerId());
    }

    static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getLong("id"), rs.getString("email"), rs.getString("external_id"), rs.getString("name"),
                rs.getString("title"), nullableLong(rs, "team_id"), rs.getString("team_name"),
                nullableLong(rs, "manager_id"), rs.getString("manager_name"), Level.valueOf(rs.getString("level")),
                Tier.valueOf(rs.getString("tier")), rs.getBoolean("active"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
