package dev.pitwall.operations.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Evaluation rounds. A round is claimed by inserting its row in the transaction that evaluates it:
 * a second node inserting the same round waits for the first to commit and then fails on the primary
 * key, so each round is evaluated once; if the first node dies, its insert rolls back with it.
 */
@Repository
public class Rounds {

    private final JdbcClient jdbc;

    Rounds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether this node claimed the round (in the caller's transaction). */
    public boolean claim(long round, String node, Instant now) {
        // ON CONFLICT DO NOTHING (PostgreSQL, and H2 in its PostgreSQL mode) waits for a concurrent
        // claim to commit or roll back, then inserts nothing or the row, without failing the transaction.
        return jdbc.sql("INSERT INTO operations_round (id, started_at, node, monitors, firing, duration_ms) "
                + "VALUES (:id, :now, :node, 0, 0, 0) ON CONFLICT DO NOTHING").param("id", round).param("now", utc(now))
                .param("node", node).update() == 1;
    }

    public void finish(long round, int monitors, int firing, long durationMs) {
        jdbc.sql("UPDATE operations_round SET monitors = :monitors, firing = :firing, duration_ms = :ms WHERE id = :id")
                .param("monitors", monitors).param("firing", firing).param("ms", durationMs).param("id", round).update();
    }
}
