package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.nullableLong;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.operations.Delivery;
import dev.pitwall.operations.NotificationChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The outbox of notifications. */
@Repository
public class Deliveries {

    private static final String SELECT = """
            SELECT d.*, s.name AS subscription_name FROM operations_delivery d
            LEFT JOIN operations_subscription s ON s.id = d.subscription_id
            """;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String uuid, Long subscriptionId, NotificationChannel channel, String recipient, String eventType,
            String subject, String payload, Instant now) {
        insert(uuid, subscriptionId, channel, recipient, eventType, subject, payload, null, now);
    }

    /** A delivery signed with its own key (no subscription). */
    public void insert(String uuid, Long subscriptionId, NotificationChannel channel, String recipient, String eventType,
            String subject, String payload, String signingSecret, Instant now) {
        jdbc.sql("""
                INSERT INTO operations_delivery (delivery_uuid, subscription_id, channel, recipient, event_type, subject,
                    payload, status, attempts, next_attempt_at, created_at, signing_secret)
                VALUES (:uuid, :subscription, :channel, :recipient, :type, :subject, :payload, 'PENDING', 0, :now, :now,
                    :secret)
                """).param("uuid", uuid).param("subscription", subscriptionId).param("channel", channel.name())
                .param("recipient", recipient).param("type", eventType).param("subject", subject).param("payload", payload)
                .param("now", utc(now)).param("secret", signingSecret).update();
    }

    /** The key a delivery without a subscription is signed with, if any; read only to sign. */
    public java.util.Optional<String> signingSecret(long id) {
        return jdbc.sql("SELECT signing_secret FROM operations_delivery WHERE id = :id").param("id", id)
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst();
    }

    /** Ids of pending deliveries due at {@code now}, oldest first. */
    public List<Long> due(Instant now, int limit) {
        return jdbc.sql("SELECT id FROM operations_delivery WHERE status = 'PENDING' AND next_attempt_at <= :now "
                + "ORDER BY next_attempt_at, id FETCH FIRST " + limit + " ROWS ONLY").param("now", utc(now))
                .query(Long.class).list();
    }

    /**
     * Claims a due delivery for one attempt by moving its next attempt to {@code leaseUntil}: only one
     * node succeeds; should it die while sending, the delivery is due again after the lease.
     */
    public boolean claim(long id, Instant now, Instant leaseUntil) {
        return jdbc.sql("UPDATE operations_delivery SET next_attempt_at = :lease WHERE id = :id AND status = 'PENDING' "
                + "AND next_attempt_at <= :now").param("lease", utc(leaseUntil)).param("id", id).param("now", utc(now))
                .update() == 1;
    }

    /** The payload of a delivery, which listings leave out. */
    public String payload(long id) {
        return jdbc.sql("SELECT payload FROM operations_delivery WHERE id = :id").param("id", id).query(String.class).single();
    }

    public void delivered(long id, int attempts, Instant now) {
        jdbc.sql("UPDATE operations_delivery SET status = 'DELIVERED', attempts = :attempts, delivered_at = :now, "
                + "last_error = NULL WHERE id = :id").param("attempts", attempts).param("now", utc(now)).param("id", id)
                .update();
    }

    public void failed(long id, int attempts, String error, Instant next, boolean dead) {
        jdbc.sql("UPDATE operations_delivery SET status = :status, attempts = :attempts, last_error = :error, "
                + "next_attempt_at = :next WHERE id = :id").param("status", dead ? "DEAD" : "PENDING")
                .param("attempts", attempts).param("error", error.length() > 1000 ? error.substring(0, 1000) : error)
                .param("next", utc(next)).param("id", id).update();
    }

    /** Puts a dead delivery back in the outbox with fresh attempts. */
    public boolean replay(long id, Instant now) {
        return jdbc.sql("UPDATE operations_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now "
                + "WHERE id = :id AND status = 'DEAD'").param("now", utc(now)).param("id", id).update() == 1;
    }

    public Optional<Delivery> find(long id) {
        return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query((rs, n) -> map(rs)).optional();
    }

    /** Deliveries, newest first, of one status or all ({@code null}). */
    public List<Delivery> find(String status, int limit) {
        return jdbc.sql(SELECT + (status == null ? "" : " WHERE d.status = :status")
                + " ORDER BY d.id DESC FETCH FIRST " + limit + " ROWS ONLY")
                .params(status == null ? java.util.Map.of() : java.util.Map.of("status", status))
                .query((rs, n) -> map(rs)).list();
    }

    /** Where a delivery goes, unmasked: only to send it. */
    public String recipient(long id) {
        return jdbc.sql("SELECT recipient FROM operations_delivery WHERE id = :id").param("id", id).query(String.class)
                .single();
    }

    public long count(String status) {
        return jdbc.sql("SELECT COUNT(*) FROM operations_delivery WHERE status = :status").param("status", status)
                .query(Long.class).single();
    }

    /**
     * An endpoint shown without its path and query: incoming-webhook URLs (Slack, Teams) carry their
     * credential in the path.
     */
    public static String masked(NotificationChannel channel, String recipient) {
        if (channel == NotificationChannel.EMAIL || recipient == null) {
            return recipient;
        }
        try {
            java.net.URI uri = java.net.URI.create(recipient);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + "/…";
        } catch (RuntimeException e) {
            return "…";
        }
    }

    private static Delivery map(ResultSet rs) throws SQLException {
        return new Delivery(rs.getLong("id"), rs.getString("delivery_uuid"), nullableLong(rs, "subscription_id"),
                rs.getString("subscription_name"), NotificationChannel.valueOf(rs.getString("channel")),
                masked(NotificationChannel.valueOf(rs.getString("channel")), rs.getString("recipient")),
                rs.getString("event_type"), rs.getString("subject"), rs.getString("status"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "delivered_at"));
    }
}
