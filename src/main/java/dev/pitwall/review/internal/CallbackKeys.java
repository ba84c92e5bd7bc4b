package dev.pitwall.review.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The keys AI systems' review callbacks are signed with. */
@Repository
public class CallbackKeys {

    private final JdbcClient jdbc;

    CallbackKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The system's key; read only to sign. */
    public Optional<String> of(long systemId) {
        return jdbc.sql("SELECT secret FROM review_callback_key WHERE system_id = :id").param("id", systemId)
                .query(String.class).optional();
    }

    public void save(long systemId, String secret, String by, Instant now) {
        jdbc.sql("DELETE FROM review_callback_key WHERE system_id = :id").param("id", systemId).update();
        jdbc.sql("INSERT INTO review_callback_key (system_id, secret, created_at, created_by) VALUES (:id, :secret, :now, :by)")
                .param("id", systemId).param("secret", secret).param("now", utc(now)).param("by", by).update();
    }
}
