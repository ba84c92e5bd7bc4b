package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first day whose raw usage events are kept. Days before it have rollups only: ingestion
 * refuses events of those days (a re-sent event would otherwise be counted a second time) and
 * rollups of those days are never rebuilt from events (there are none left to rebuild from).
 */
@Repository
public class RetentionFloor {

    private final JdbcClient jdbc;

    RetentionFloor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocalDate> keptFrom() {
        return jdbc.sql("SELECT kept_from FROM telemetry_retention WHERE id = 1").query(LocalDate.class).optional();
    }

    /** Moves the floor forward (never back). */
    public void raiseTo(LocalDate day, Instant now) {
        int updated = jdbc.sql("UPDATE telemetry_retention SET kept_from = ?, swept_at = ? WHERE id = 1 AND kept_from < ?")
                .params(day, utc(now), day).update();
        if (updated == 0 && keptFrom().isEmpty()) {
            jdbc.sql("INSERT INTO telemetry_retention (id, kept_from, swept_at) VALUES (1, ?, ?)")
                    .params(day, utc(now)).update();
        }
    }

    /** Deletes up to {@code limit} raw events of days before {@code day}; how many it deleted. */
    public int deleteEventsBefore(LocalDate day, int limit) {
        return jdbc.sql("""
                DELETE FROM telemetry_usage_event WHERE id IN (
                    SELECT id FROM telemetry_usage_event WHERE event_day < ? ORDER BY id LIMIT ?)
                """).params(day, limit).update();
    }
}
