package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.NotificationChannel;
import dev.pitwall.operations.Subscription;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions to notifications. */
@Repository
public class Subscriptions {

    private static final String SELECT = """
            SELECT s.*, p.email AS person_email, t.name AS team_name, w.workflow_key
            FROM operations_subscription s LEFT JOIN people_person p ON p.id = s.person_id
            LEFT JOIN people_team t ON t.id = s.team_id LEFT JOIN portfolio_workflow w ON w.id = s.workflow_id
            """;

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The row to insert; {@code secret} only for webhooks. */
    public record Row(String name, NotificationChannel channel, String url, String secret, Long personId, Long teamId,
            List<String> eventTypes, Long workflowId) {
    }

    public long insert(Row row, String by, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO operations_subscription (name, channel, url, secret, person_id, team_id, event_types,
                    workflow_id, enabled, created_at, created_by)
                VALUES (:name, :channel, :url, :secret, :person, :team, :types, :workflow, TRUE, :now, :by)
                """).param("name", row.name()).param("channel", row.channel().name()).param("url", row.url())
                .param("secret", row.secret()).param("person", row.personId()).param("team", row.teamId())
                .param("types", String.join(",", row.eventTypes())).param("workflow", row.workflowId())
                .param("now", utc(now)).param("by", by).update(keys, "id");
        return keys.getKey().longValue();
    }

    public List<Subscription> findAll() {
        return jdbc.sql(SELECT + " ORDER BY s.id").query((rs, n) -> map(rs)).list();
    }

    public Optional<Subscription> find(long id) {
        return jdbc.sql(SELECT + " WHERE s.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** The signing secret of a webhook subscription; read only to sign. */
    public Optional<String> secret(long id) {
        return jdbc.sql("SELECT secret FROM operations_subscription WHERE id = :id").param("id", id).query(String.class)
                .optional();
    }

    /** The endpoint of a subscription, unmasked: only to queue deliveries to it. */
    public String url(long id) {
        return jdbc.sql("SELECT url FROM operations_subscription WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM operations_subscription WHERE id = :id").param("id", id).update();
    }

    public void enable(long id, boolean enabled) {
        jdbc.sql("UPDATE operations_subscription SET enabled = :enabled WHERE id = :id").param("enabled", enabled)
                .param("id", id).update();
    }

    private static Subscription map(ResultSet rs) throws SQLException {
        return new Subscription(rs.getLong("id"), rs.getString("name"), NotificationChannel.valueOf(rs.getString("channel")),
                Deliveries.masked(NotificationChannel.valueOf(rs.getString("channel")), rs.getString("url")),
                rs.getString("secret") != null, rs.getString("person_email"), nullableLong(rs, "team_id"),
                rs.getString("team_name"), Arrays.asList(rs.getString("event_types").split(",")), rs.getString("workflow_key"),
                rs.getBoolean("enabled"), instant(rs, "created_at"), rs.getString("created_by"));
    }
}
