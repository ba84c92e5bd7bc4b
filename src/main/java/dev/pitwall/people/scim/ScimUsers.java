package dev.pitwall.people.scim;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The people provisioned over SCIM, with the SCIM attributes kept beside the directory's. */
@Repository
class ScimUsers {

    /** One provisioned person's SCIM attributes. */
    record Link(long personId, String userName, String externalId, String givenName, String familyName,
            String department, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    ScimUsers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(long personId) {
        return jdbc.sql("SELECT * FROM people_scim_user WHERE person_id = ?").param(personId).query(ScimUsers::map)
                .optional();
    }

    Optional<Link> findByUserName(String userName) {
        return jdbc.sql("SELECT * FROM people_scim_user WHERE user_name_key = ?").param(key(userName))
                .query(ScimUsers::map).optional();
    }

    List<Link> findAll() {
        return jdbc.sql("SELECT * FROM people_scim_user ORDER BY person_id").query(ScimUsers::map).list();
    }

    void insert(Link link) {
        jdbc.sql("""
                INSERT INTO people_scim_user (person_id, user_name, user_name_key, external_id, given_name, family_name,
                    department, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(link.personId(), link.userName(), key(link.userName()), link.externalId(), link.givenName(),
                link.familyName(), link.department(), utc(link.createdAt()), utc(link.updatedAt())).update();
    }

    void update(Link link) {
        jdbc.sql("""
                UPDATE people_scim_user SET user_name = ?, user_name_key = ?, external_id = ?, given_name = ?,
                    family_name = ?, department = ?, updated_at = ?
                WHERE person_id = ?
                """).params(link.userName(), key(link.userName()), link.externalId(), link.givenName(), link.familyName(),
                link.department(), utc(link.updatedAt()), link.personId()).update();
    }

    void delete(long personId) {
        jdbc.sql("DELETE FROM people_scim_user WHERE person_id = ?").param(personId).update();
    }

    /** User names are unique ignoring case (RFC 7643 §4.1: userName is case-insensitive). */
    static String key(String userName) {
        return userName.trim().toLowerCase(Locale.ROOT);
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getLong("person_id"), rs.getString("user_name"), rs.getString("external_id"),
                rs.getString("given_name"), rs.getString("family_name"), rs.getString("department"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
