package dev.pitwall.board.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.board.SavedView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class SavedViews {

    private final JdbcClient jdbc;

    SavedViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(String owner, String name, String path, String query, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("INSERT INTO board_saved_view (owner, name, path, query, created_at) VALUES (:owner, :name, :path, :query, :at)")
                .param("owner", owner).param("name", name).param("path", path).param("query", query).param("at", utc(at))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<SavedView> find(long id) {
        return jdbc.sql("SELECT * FROM board_saved_view WHERE id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    public boolean exists(String owner, String name) {
        return jdbc.sql("SELECT COUNT(*) FROM board_saved_view WHERE owner = :owner AND name = :name").param("owner", owner)
                .param("name", name).query(Long.class).single() > 0;
    }

    public List<SavedView> ofOwner(String owner) {
        return jdbc.sql("SELECT * FROM board_saved_view WHERE owner = :owner ORDER BY name").param("owner", owner)
                .query((rs, n) -> map(rs)).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM board_saved_view WHERE id = :id").param("id", id).update();
    }

    private static SavedView map(ResultSet rs) throws SQLException {
        return new SavedView(rs.getLong("id"), rs.getString("owner"), rs.getString("name"), rs.getString("path"),
                rs.getString("query"), instant(rs, "created_at"));
    }
}
