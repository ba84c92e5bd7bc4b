package dev.pitwall.telemetry.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.telemetry.TelemetrySource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The first day whose raw usage events are kept, per source. Days before a source's floor have
 * none of its raw events: ingestion refuses its events of those days (a re-sent event would
 * otherwise be counted a second time). The latest floor of all sources is the rebuild floor:
 * rollups of earlier days are never rebuilt from events (some are no longer there to rebuild from).
 */
@Repository
public class RetentionFloor {

    private final JdbcClient jdbc;

    RetentionFloor(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The first day of the source's raw events that is kept (an installation swept before floors were per source has one for all). */
    public Optional<LocalDate> keptFrom(TelemetrySource source) {
        Optional<LocalDate> own = jdbc.sql("SELECT kept_from FROM telemetry_source_retention WHERE source = ?")
                .param(source.name()).query(LocalDate.class).optional();
        return own.isPresent() ? own : rebuildFloor();
    }

    /** The first day kept of every source that has one (in two queries, for the sweep and the Telemetry page). */
    public java.util.Map<TelemetrySource, LocalDate> keptFromEach() {
        java.util.Map<TelemetrySource, LocalDate> floors = new java.util.EnumMap<>(TelemetrySource.class);
        rebuildFloor().ifPresent(day -> {
            for (TelemetrySource source : TelemetrySource.values()) {
                floors.put(source, day);
            }
        });
        jdbc.sql("SELECT source, kept_from FROM telemetry_source_retention")
                .query((rs, n) -> floors.put(TelemetrySource.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class)))
                .list();
        return floors;
    }

    /** The first day whose rollups may be rebuilt from raw events: the latest floor of all sources. */
    public Optional<LocalDate> rebuildFloor() {
        return jdbc.sql("SELECT kept_from FROM telemetry_retention WHERE id = 1").query(LocalDate.class).optional();
    }

    /** Moves the source's floor forward (never back), and the rebuild floor with it. */
    public void raiseTo(TelemetrySource source, LocalDate day, Instant now) {
        int updated = jdbc.sql("UPDATE telemetry_source_retention SET kept_from = ?, swept_at = ? WHERE source = ? "
                + "AND kept_from < ?").params(day, utc(now), source.name(), day).update();
        if (updated == 0 && jdbc.sql("SELECT COUNT(*) FROM telemetry_source_retention WHERE source = ?")
                .param(source.name()).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO telemetry_source_retention (source, kept_from, swept_at) VALUES (?, ?, ?)")
                    .params(source.name(), day, utc(now)).update();
        }
        updated = jdbc.sql("UPDATE telemetry_retention SET kept_from = ?, swept_at = ? WHERE id = 1 AND kept_from < ?")
                .params(day, utc(now), day).update();
        if (updated == 0 && rebuildFloor().isEmpty()) {
            jdbc.sql("INSERT INTO telemetry_retention (id, kept_from, swept_at) VALUES (1, ?, ?)")
                    .params(day, utc(now)).update();
        }
    }

    /** Deletes up to {@code limit} raw events of the source of days before {@code day}; how many it deleted. */
    public int deleteEventsBefore(TelemetrySource source, LocalDate day, int limit) {
        return jdbc.sql("""
                DELETE FROM telemetry_usage_event WHERE id IN (
                    SELECT id FROM telemetry_usage_event WHERE source = ? AND event_day < ? ORDER BY id LIMIT ?)
                """).params(source.name(), day, limit).update();
    }
}
