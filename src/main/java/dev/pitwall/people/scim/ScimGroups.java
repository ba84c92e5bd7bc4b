package dev.pitwall.people.scim;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The teams provisioned over SCIM as groups. */
@Repository
class ScimGroups {

    record Link(long teamId, String externalId, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    ScimGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(long teamId) {
        return jdbc.sql("SELECT * FROM people_scim_group WHERE team_id = ?").param(teamId).query(ScimGroups::map)
                .optional();
    }

    List<Link> findAll() {
        return jdbc.sql("SELECT * FROM people_scim_group ORDER BY team_id").query(ScimGroups::map).list();
    }

    void insert(Link link) {
        jdbc.sql("INSERT INTO people_scim_group (team_id, external_id, created_at, updated_at) VALUES (?, ?, ?, ?)")
                .params(link.teamId(), link.externalId(), utc(link.createdAt()), utc(link.updatedAt())).update();
    }

    void update(Link link) {
        jdbc.sql("UPDATE people_scim_group SET external_id = ?, updated_at = ? WHERE team_id = ?")
                .params(link.externalId(), utc(link.updatedAt()), link.teamId()).update();
    }

    void delete(long teamId) {
        jdbc.sql("DELETE FROM people_scim_group WHERE team_id = ?").param(teamId).update();
    }

    private static Link map(ResultSet rs, int row) throws SQLException {
        return new Link(rs.getLong("team_id"), rs.getString("external_id"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
