package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiDraft;
import dev.pitwall.measurement.KpiLevel;
import dev.pitwall.platform.web.FormValues;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The KPI form as typed: every field is kept as text, so a refused form shows exactly what the
 * person entered, and each field that cannot be read is named in the refusal.
 */
record KpiForm(String name, String unit, String level, String direction, String baselineValue, String baselineFrom,
        String baselineTo, String target, String valuePerUnit, String owner, String dataSource, String cadence,
        String parentId) {

    /** An empty form: a monthly business outcome where a lower value is better, the usual first KPI. */
    static KpiForm blank() {
        return new KpiForm("", "", KpiLevel.BUSINESS_OUTCOME.name(), Direction.LOWER_IS_BETTER.name(), "", "", "", "",
                "", "", "", Cadence.MONTHLY.name(), "");
    }

    /** The form filled with a KPI as it is, and its owner's email. */
    static KpiForm of(Kpi kpi, String ownerEmail) {
        return new KpiForm(kpi.name(), kpi.unit(), kpi.level().name(), kpi.direction().name(), plain(kpi.baselineValue()),
                text(kpi.baselineFrom()), text(kpi.baselineTo()), plain(kpi.target()), plain(kpi.valuePerUnit()),
                ownerEmail == null ? "" : ownerEmail, kpi.dataSource() == null ? "" : kpi.dataSource(),
                kpi.cadence().name(), kpi.parentId() == null ? "" : kpi.parentId().toString());
    }

    /** The draft this form describes; refused with every field that cannot be read. */
    KpiDraft toDraft() {
        List<Violation> violations = new ArrayList<>();
        KpiLevel kpiLevel = FormValues.parse("level", level, KpiLevel::valueOf, violations);
        Direction kpiDirection = FormValues.parse("direction", direction, Direction::valueOf, violations);
        Cadence kpiCadence = FormValues.parse("cadence", cadence, Cadence::valueOf, violations);
        BigDecimal baseline = FormValues.parse("baselineValue", baselineValue, BigDecimal::new, violations);
        LocalDate from = FormValues.parse("baselineFrom", baselineFrom, LocalDate::parse, violations);
        LocalDate to = FormValues.parse("baselineTo", baselineTo, LocalDate::parse, violations);
        BigDecimal kpiTarget = FormValues.parse("target", target, BigDecimal::new, violations);
        BigDecimal perUnit = FormValues.parse("valuePerUnit", valuePerUnit, BigDecimal::new, violations);
        Long parent = FormValues.parse("parentId", parentId, Long::valueOf, violations);
        if (!violations.isEmpty()) {
            throw new InvalidInputException("The KPI could not be read.", violations);
        }
        return new KpiDraft(name, unit, kpiLevel, kpiDirection, baseline, from, to, kpiTarget, perUnit, blank(owner),
                blank(dataSource), kpiCadence, parent);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(LocalDate date) {
        return date == null ? "" : date.toString();
    }
}
