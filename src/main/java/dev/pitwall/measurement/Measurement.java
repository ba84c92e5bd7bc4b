package dev.pitwall.measurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The value of a KPI for one period.
 *
 * @param id the measurement's id
 * @param kpiId the KPI
 * @param periodEnd the last day of the period measured
 * @param value the measured value, in the KPI's unit
 * @param source how it arrived
 * @param note a remark
 * @param recordedBy who recorded it
 * @param recordedAt when
 */
public record Measurement(long id, long kpiId, LocalDate periodEnd, BigDecimal value, MeasurementSource source,
        String note, String recordedBy, Instant recordedAt) {
}
