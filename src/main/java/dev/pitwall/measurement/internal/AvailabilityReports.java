package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.utc;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Daily availability of AI systems as their own monitoring reports it. */
@Repository
public class AvailabilityReports {

    private final JdbcClient jdbc;

    AvailabilityReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The mean reported availability per system over the days in [from, to] that have a report. */
    public Map<Long, Double> meanBySystem(Collection<Long> systemIds, LocalDate from, LocalDate to) {
        Map<Long, Double> means = new HashMap<>();
        if (systemIds.isEmpty()) {
            return means;
        }
        jdbc.sql("""
                SELECT system_id, AVG(availability) AS a FROM measurement_availability
                WHERE system_id IN (:systems) AND report_day BETWEEN :from AND :to GROUP BY system_id
                """).param("systems", systemIds).param("from", from).param("to", to)
                .query(rs -> {
                    means.put(rs.getLong("system_id"), rs.getDouble("a"));
                });
        return means;
    }

    public void put(long systemId, LocalDate day, double availability, Instant now) {
        jdbc.sql("DELETE FROM measurement_availability WHERE system_id = ? AND report_day = ?").params(systemId, day)
                .update();
        jdbc.sql("INSERT INTO measurement_availability (system_id, report_day, availability, recorded_at) "
                + "VALUES (?, ?, ?, ?)").params(systemId, day, availability, utc(now)).update();
    }
}
