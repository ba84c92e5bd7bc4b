package dev.pitwall.board.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.board.BoardPackPeriod;
import dev.pitwall.board.BoardSubscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class BoardSubscriptions {

    private final JdbcClient jdbc;

    BoardSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long userId, String username, String email, BoardPackPeriod.Cadence cadence, Instant at) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO board_subscription (user_id, username, email, cadence, created_at)
                VALUES (:user, :username, :email, :cadence, :at)""")
                .param("user", userId).param("username", username).param("email", email)
                .param("cadence", cadence.name()).param("at", utc(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public Optional<BoardSubscription> find(long id) {
        return jdbc.sql("SELECT * FROM board_subscription WHERE id = :id").param("id", id).query((rs, n) -> map(rs))
                .optional();
    }

    public List<BoardSubscription> ofUser(long userId) {
        return jdbc.sql("SELECT * FROM board_subscription WHERE user_id = :user ORDER BY cadence").param("user", userId)
                .query((rs, n) -> map(rs)).list();
    }

    public List<BoardSubscription> ofCadence(BoardPackPeriod.Cadence cadence) {
        return jdbc.sql("SELECT * FROM board_subscription WHERE cadence = :cadence ORDER BY id")
                .param("cadence", cadence.name()).query((rs, n) -> map(rs)).list();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM board_subscription WHERE id = :id").param("id", id).update();
    }

    /** Records that the period's pack was queued for the subscription; false when it already was. */
    public boolean markSent(long subscriptionId, String period, long packId, Instant at) {
        return jdbc.sql("""
                INSERT INTO board_subscription_delivery (subscription_id, period, pack_id, queued_at)
                SELECT :sub, :period, :pack, :at WHERE NOT EXISTS (
                    SELECT 1 FROM board_subscription_delivery WHERE subscription_id = :sub AND period = :period)""")
                .param("sub", subscriptionId).param("period", period).param("pack", packId).param("at", utc(at))
                .update() == 1;
    }

    /** The periods already sent to the subscription. */
    public List<String> sentPeriods(long subscriptionId) {
        return jdbc.sql("SELECT period FROM board_subscription_delivery WHERE subscription_id = :sub ORDER BY period")
                .param("sub", subscriptionId).query(String.class).list();
    }

    private static BoardSubscription map(ResultSet rs) throws SQLException {
        return new BoardSubscription(rs.getLong("id"), rs.getLong("user_id"), rs.getString("username"),
                rs.getString("email"), BoardPackPeriod.Cadence.valueOf(rs.getString("cadence")),
                instant(rs, "created_at"));
    }
}
