package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.Measurements;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the measured values of KPIs: one at a time, in batches and from CSV. A batch is all or
 * nothing: every invalid item is named, and nothing is stored unless all are valid. A period
 * measured again replaces its value (audited), so an import can be repeated safely.
 */
@Service
public class MeasurementService {

    static final String ENTITY = "MEASUREMENT";
    static final int MAX_BATCH = 10_000;

    private final KpiService kpis;
    private final Measurements measurements;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;
    private final MeasurementCsvImport csv;

    MeasurementService(KpiService kpis, Measurements measurements, AuditLog auditLog, InputValidator validator,
            Clock clock, MeasurementCsvImport csv) {
        this.csv = csv;
        this.kpis = kpis;
        this.measurements = measurements;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    /** A KPI's measurements with periods ending in [from, to] (either may be null), oldest first. */
    @Transactional(readOnly = true)
    public List<Measurement> find(long kpiId, LocalDate from, LocalDate to) {
        kpis.get(kpiId);
        return measurements.find(kpiId, from, to);
    }

    @Transactional
    public MeasurementsRecorded record(long kpiId, NewMeasurement measurement, MeasurementSource source) {
        validator.validate(measurement);
        checkPeriod(measurement.periodEnd());
        return store(List.of(new Item(kpis.get(kpiId), measurement)), source, List.of());
    }

    /** Records a batch for one KPI; violations name the item as {@code [i].field}. */
    @Transactional
    public MeasurementsRecorded recordAll(long kpiId, List<NewMeasurement> batch, MeasurementSource source) {
        Kpi kpi = kpis.get(kpiId);
        if (batch == null || batch.isEmpty()) {
            throw InvalidInputException.ofField("measurements", "the batch is empty");
        }
        if (batch.size() > MAX_BATCH) {
            throw InvalidInputException.ofField("measurements", "at most " + MAX_BATCH + " measurements in one batch");
        }
        List<Violation> violations = new ArrayList<>();
        Set<LocalDate> periods = new HashSet<>();
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NewMeasurement m = batch.get(i);
            String at = "[" + i + "]";
            if (m == null || m.periodEnd() == null || m.value() == null) {
                violations.add(Violation.ofField(at + (m == null ? "" : m.periodEnd() == null ? ".periodEnd" : ".value"),
                        "is required"));
                continue;
            }
            String problem = periodProblem(m.periodEnd());
            if (problem != null) {
                violations.add(Violation.ofField(at + ".periodEnd", problem));
            } else if (!periods.add(m.periodEnd())) {
                violations.add(Violation.ofField(at + ".periodEnd", "period " + m.periodEnd() + " appears twice"));
            } else if (m.value().scale() > 6 || m.value().precision() - m.value().scale() > 14) {
                violations.add(Violation.ofField(at + ".value", "at most 14 digits before and 6 after the point"));
            } else {
                items.add(new Item(kpi, m));
            }
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("MEASUREMENTS_INVALID",
                    violations.size() + " of " + batch.size() + " measurements are invalid; none was stored.",
                    violations);
        }
        return store(items, source, List.of());
    }

    /**
     * Imports measurements of any KPIs from CSV ({@code workflow,kpi,period_end,value[,note]}); all
     * lines or none.
     */
    @Transactional
    public MeasurementsRecorded importCsv(String text) {
        CsvDocument document = CsvDocument.parse(text,
                List.of(List.of("workflow"), List.of("kpi"), List.of("period_end", "date"), List.of("value")),
                MeasurementCsvImport.COLUMNS);
        return store(csv.read(document, this), MeasurementSource.CSV, document.ignoredColumns());
    }

    /** One measurement of a resolved KPI, as the CSV import hands it over. */
    record Item(Kpi kpi, NewMeasurement measurement) {
    }

    /** Stores valid items in the caller's transaction. */
    MeasurementsRecorded store(List<Item> items, MeasurementSource source, List<String> ignoredColumns) {
        String actor = PitwallPrincipal.currentActorName();
        Instant now = clock.instant();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        List<AuditRecord> audit = new ArrayList<>();
        for (Item item : items) {
            NewMeasurement m = item.measurement();
            Optional<Measurement> existing = measurements.find(item.kpi().id(), m.periodEnd());
            if (existing.isEmpty()) {
                measurements.insert(item.kpi().id(), m, source, actor, now);
                audit.add(AuditRecord.created(ENTITY, item.kpi().id() + "@" + m.periodEnd(), m));
                created++;
            } else if (existing.get().value().compareTo(m.value()) != 0
                    || !java.util.Objects.equals(existing.get().note(), m.note())) {
                measurements.update(existing.get().id(), m, source, actor, now);
                audit.add(AuditRecord.updated(ENTITY, item.kpi().id() + "@" + m.periodEnd(),
                        new NewMeasurement(existing.get().periodEnd(), existing.get().value(), existing.get().note()), m));
                updated++;
            } else {
                unchanged++;
            }
        }
        auditLog.appendAll(audit);
        return new MeasurementsRecorded(items.size(), created, updated, unchanged, ignoredColumns);
    }

    @Transactional
    public void delete(long kpiId, LocalDate periodEnd) {
        Measurement m = measurements.find(kpiId, periodEnd)
                .orElseThrow(() -> InvalidInputException.ofField("periodEnd", "no measurement of KPI " + kpiId
                        + " for the period ending " + periodEnd));
        measurements.delete(m.id());
        auditLog.append(AuditRecord.deleted(ENTITY, kpiId + "@" + periodEnd,
                new NewMeasurement(m.periodEnd(), m.value(), m.note())));
    }

    private void checkPeriod(LocalDate periodEnd) {
        String problem = periodProblem(periodEnd);
        if (problem != null) {
            throw new InvalidInputException("MEASUREMENTS_INVALID", "The measurement is invalid.",
                    List.of(Violation.ofField("periodEnd", problem)));
        }
    }

    /** Why a period end is not acceptable, or {@code null}: a period that has not ended cannot be measured. */
    String periodProblem(LocalDate periodEnd) {
        return periodEnd.isAfter(LocalDate.now(clock)) ? "the period ending " + periodEnd + " has not ended yet" : null;
    }
}
