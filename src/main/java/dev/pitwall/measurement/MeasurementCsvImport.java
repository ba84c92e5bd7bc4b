package dev.pitwall.measurement;

import dev.pitwall.measurement.internal.Kpis;
import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Reads measurements from CSV: {@code workflow,kpi,period_end,value[,note]}, one KPI period a line.
 * Every bad line is named with its number, column and reason; nothing is stored unless every line
 * is valid.
 */
@Component
class MeasurementCsvImport {

    static final Set<String> COLUMNS = Set.of("workflow", "kpi", "period_end", "date", "value", "note");
    static final int MAX_ROWS = 100_000;

    private final WorkflowService workflows;
    private final Kpis kpis;

    MeasurementCsvImport(WorkflowService workflows, Kpis kpis) {
        this.workflows = workflows;
        this.kpis = kpis;
    }

    List<MeasurementService.Item> read(CsvDocument document, MeasurementService service) {
        if (document.rows().size() > MAX_ROWS) {
            throw InvalidInputException.ofField("file", "at most " + MAX_ROWS + " lines in one import");
        }
        Map<String, Optional<Kpi>> resolved = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<Violation> violations = new ArrayList<>();
        List<MeasurementService.Item> items = new ArrayList<>();
        for (CsvRow row : document.rows()) {
            int before = violations.size();
            Kpi kpi = kpi(row, resolved, violations);
            LocalDate periodEnd = date(row, violations, service);
            BigDecimal value = value(row, violations);
            String note = row.get("note");
            if (note != null && note.length() > 1000) {
                violations.add(Violation.ofLine(row.line(), "note", "at most 1000 characters"));
            }
            if (violations.size() > before) {
                continue;
            }
            if (!seen.add(kpi.id() + "@" + periodEnd)) {
                violations.add(Violation.ofLine(row.line(), "period_end",
                        "KPI '" + kpi.name() + "' already has a line for the period ending " + periodEnd));
                continue;
            }
            items.add(new MeasurementService.Item(kpi, new NewMeasurement(periodEnd, value, note)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException("CSV_INVALID",
                    violations.size() + " problem(s) in the file; nothing was imported.", violations);
        }
        return items;
    }

    private Kpi kpi(CsvRow row, Map<String, Optional<Kpi>> resolved, List<Violation> violations) {
        String workflowKey = row.get("workflow");
        String name = row.get("kpi");
        if (workflowKey == null || name == null) {
            violations.add(Violation.ofLine(row.line(), workflowKey == null ? "workflow" : "kpi", "is required"));
            return null;
        }
        Optional<Workflow> workflow = workflows.findByKey(workflowKey);
        if (workflow.isEmpty()) {
            violations.add(Violation.ofLine(row.line(), "workflow", "no workflow '" + workflowKey + "'"));
            return null;
        }
        Optional<Kpi> kpi = resolved.computeIfAbsent(workflowKey + "|" + Kpis.key(name),
                k -> kpis.findByName(workflow.get().id(), name));
        if (kpi.isEmpty()) {
            violations.add(Violation.ofLine(row.line(), "kpi", "workflow '" + workflowKey + "' has no KPI '" + name + "'"));
            return null;
        }
        return kpi.get();
    }

    private static LocalDate date(CsvRow row, List<Violation> violations, MeasurementService service) {
        String text = row.first("period_end", "date");
        if (text == null) {
            violations.add(Violation.ofLine(row.line(), "period_end", "is required"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(text);
            String problem = service.periodProblem(date);
            if (problem != null) {
                violations.add(Violation.ofLine(row.line(), "period_end", problem));
            }
            return date;
        } catch (DateTimeParseException e) {
            violations.add(Violation.ofLine(row.line(), "period_end", "'" + text + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static BigDecimal value(CsvRow row, List<Violation> violations) {
        String text = row.get("value");
        if (text == null) {
            violations.add(Violation.ofLine(row.line(), "value", "is required"));
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text);
            if (value.scale() > 6 || value.precision() - value.scale() > 14) {
                violations.add(Violation.ofLine(row.line(), "value", "at most 14 digits before and 6 after the point"));
            }
            return value;
        } catch (NumberFormatException e) {
            violations.add(Violation.ofLine(row.line(), "value", "'" + text + "' is not a number"));
            return null;
        }
    }
}
