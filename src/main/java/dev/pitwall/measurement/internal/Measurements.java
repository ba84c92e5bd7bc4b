package dev.pitwall.measurement.internal;

import static dev.pitwall.platform.jdbc.SqlValues.date;
import static dev.pitwall.platform.jdbc.SqlValues.instant;
import static dev.pitwall.platform.jdbc.SqlValues.utc;

import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementSource;
import dev.pitwall.measurement.NewMeasurement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The measured values of KPIs, one per KPI and period. */
@Repository
public class Measurements {

    private final JdbcClient jdbc;

    Measurements(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A KPI's measurements with periods ending in [from, to], oldest first; either bound may be null. */
    public List<Measurement> find(long kpiId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                SELECT * FROM measurement_measurement WHERE kpi_id = :kpi
                  AND (CAST(:from AS DATE) IS NULL OR period_end >= :from)
                  AND (CAST(:to AS DATE) IS NULL OR period_end <= :to)
                ORDER BY period_end
                """).param("kpi", kpiId).param("from", from).param("to", to).query(Measurements::map).list();
    }

    /** The measurements of several KPIs up to {@code to}, oldest first. */
    public List<Measurement> findUpTo(Collection<Long> kpiIds, LocalDate to) {
        if (kpiIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT * FROM measurement_measurement WHERE kpi_id IN (:ids) AND period_end <= :to "
                        + "ORDER BY kpi_id, period_end")
                .param("ids", kpiIds).param("to", to).query(Measurements::map).list();
    }

    public Optional<Measurement> find(long kpiId, LocalDate periodEnd) {
        return jdbc.sql("SELECT * FROM measurement_measurement WHERE kpi_id = ? AND period_end = ?")
                .params(kpiId, periodEnd).query(Measurements::map).optional();
    }

    public void insert(long kpiId, NewMeasurement m, MeasurementSource source, String actor, Instant now) {
        jdbc.sql("""
                INSERT INTO measurement_measurement (kpi_id, period_end, measured_value, source, note, recorded_by,
                    recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """).params(kpiId, m.periodEnd(), m.value(), source.name(), m.note(), actor, utc(now)).update();
    }

    public void update(long id, NewMeasurement m, MeasurementSource source, String actor, Instant now) {
        jdbc.sql("""
                UPDATE measurement_measurement SET measured_value = ?, source = ?, note = ?, recorded_by = ?,
                    recorded_at = ?
                WHERE id = ?
                """).params(m.value(), source.name(), m.note(), actor, utc(now), id).update();
    }

    public void delete(long id) {
        jdbc.sql("DELETE FROM measurement_measurement WHERE id = ?").param(id).update();
    }

    private static Measurement map(ResultSet rs, int row) throws SQLException {
        return new Measurement(rs.getLong("id"), rs.getLong("kpi_id"), date(rs, "period_end"),
                rs.getBigDecimal("measured_value"), MeasurementSource.valueOf(rs.getString("source")),
                rs.getString("note"), rs.getString("recorded_by"), instant(rs, "recorded_at"));
    }
}
