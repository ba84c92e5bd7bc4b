package dev.pitwall.measurement.web;

import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.Figure;
import dev.pitwall.measurement.Measurement;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.platform.csv.CsvExport;
import dev.pitwall.platform.security.Permission;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CSV exports of the scorecard tables, written with Commons CSV. */
@RestController
class ScorecardCsvController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ScorecardService scorecards;
    private final ScorecardViews views;
    private final MeasurementService measurements;

    private final dev.pitwall.measurement.AdoptionDrillDown drillDown;

    ScorecardCsvController(ScorecardService scorecards, ScorecardViews views, MeasurementService measurements,
            dev.pitwall.measurement.AdoptionDrillDown drillDown) {
        this.drillDown = drillDown;
        this.scorecards = scorecards;
        this.views = views;
        this.measurements = measurements;
    }

    @GetMapping("/scorecards/figures.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> organizationFigures(@RequestParam(required = false)
            LocalDate asOf, @RequestParam(required = false) String compare) {
        OrganizationScorecard card = views.organization(asOf);
        LocalDate against = dev.pitwall.measurement.ScorecardComparison.resolve(compare, card.asOf());
        return csv("organization-figures-" + card.asOf() + ".csv", figures(card.asOf(), card.figures(), against,
                against == null ? List.of() : views.organization(against).figures()));
    }

    @GetMapping("/scorecards/workflows.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> ranking(@RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) Long initiative, @RequestParam(required = false) Long team,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String constraint) {
        // The ranking as the page shows it: the same filters (docs/board-pack.md, "Filters and saved views").
        OrganizationScorecard card = views.filtered(
                dev.pitwall.measurement.ScorecardFilter.of(initiative, team, stage, constraint), asOf);
        try (CsvExport file = CsvExport.create()) {
            // Money columns name their currency and basis: impact per each row's KPI period, capital to date.
            String perPeriod = " (" + card.currency() + " per impactPeriod)";
            file.row("workflow", "name", "stage", "bindingConstraint", "constraintScore", "technicalIndex",
                    "workforceIndex", "operatingModelCapture", "adoptionDepth", "realization",
                    "realizedImpact" + perPeriod, "targetImpact" + perPeriod, "valueLost" + perPeriod, "impactPeriod",
                    "strandedCapital (" + card.currency() + " to date)", "highPerformer", "intendedUsers",
                    "peopleFiguresWithheld (fewer than " + views.minGroupSize() + " intended users)");
            for (OrganizationScorecard.WorkflowRank r : card.workflows()) {
                file.row(r.workflowKey(), r.name(), r.stage(), r.bindingConstraint(), r.constraintScore(),
                        r.technicalIndex(), r.workforceIndex(), r.operatingModelCapture(), r.adoptionDepth(),
                        r.realization(), r.realizedImpact(), r.targetImpact(), r.valueLost(), r.impactPeriod(),
                        r.strandedCapital(), r.highPerformer(), r.intendedUsers(), r.withheld());
            }
            return csv("workflows-" + card.asOf() + ".csv", file.text());
        }
    }

    @GetMapping("/scorecards/workflows/{key}/figures.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> workflowFigures(@PathVariable String key, @RequestParam(required = false)
            LocalDate asOf, @RequestParam(required = false) String compare) {
        WorkflowScorecard card = views.workflow(key, asOf);
        LocalDate against = dev.pitwall.measurement.ScorecardComparison.resolve(compare, card.asOf());
        return csv(key + "-figures-" + card.asOf() + ".csv", figures(card.asOf(), all(card), against,
                against == null ? List.of() : all(views.workflow(key, against))));
    }

    private static List<Figure> all(WorkflowScorecard card) {
        List<Figure> all = new java.util.ArrayList<>(card.figures());
        all.addAll(card.waterfall());
        card.parts().forEach(part -> all.addAll(part.figures()));
        return all;
    }

    @GetMapping("/scorecards/workflows/{key}/people.csv")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    ResponseEntity<String> people(@PathVariable String key, @RequestParam int level, @RequestParam(required = false)
            LocalDate asOf) {
        LocalDate day = scorecards.asOf(asOf);
        try (CsvExport file = CsvExport.create()) {
            file.row("name", "email", "team", "tier", "activeDays", "level");
            var drill = drillDown.people(key, level, day);
            if (drill.withheld()) {
                file.row("fewer than " + drill.minGroupSize() + " people: withheld", null, null, null, null, level);
            }
            for (ScorecardService.AdoptionPerson p : drill.people()) {
                file.row(p.name(), p.email(), p.team(), p.tier(), p.activeDays(), p.level());
            }
            return csv(key + "-level-" + level + "-" + day + ".csv", file.text());
        }
    }

    @GetMapping("/scorecards/kpis/{id}/measurements.csv")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    ResponseEntity<String> measurements(@PathVariable long id) {
        try (CsvExport file = CsvExport.create()) {
            file.row("period_end", "value", "source", "note", "recorded_by", "recorded_at");
            for (Measurement m : measurements.find(id, null, null)) {
                file.row(m.periodEnd(), m.value().toPlainString(), m.source(), m.note(), m.recordedBy(), m.recordedAt());
            }
            return csv("kpi-" + id + "-measurements.csv", file.text());
        }
    }

    /** The figures, and when compared the earlier date's value and the change beside each. */
    private static String figures(LocalDate asOf, List<Figure> figures, LocalDate against, List<Figure> earlier) {
        java.util.Map<String, Figure> before = new java.util.HashMap<>();
        earlier.forEach(f -> before.putIfAbsent(f.id(), f));
        try (CsvExport file = CsvExport.create()) {
            List<Object> header = new java.util.ArrayList<>(List.of("id", "name", "value", "unit", "currency", "period",
                    "reason", "definition"));
            if (against != null) {
                header.addAll(List.of("asOf", "compareAsOf", "compareValue", "compareReason", "change"));
            }
            file.row(header);
            for (Figure f : figures) {
                MetricDefinitions.Definition d = MetricDefinitions.of(f.id());
                List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(f.id(), d.name(), f.value(), f.unit(),
                        f.currency(), f.period(), f.reason(), d.formula()));
                if (against != null) {
                    Figure b = before.get(f.id());
                    row.addAll(java.util.Arrays.asList(asOf, against, b == null ? null : b.value(), b == null ? "not computed then"
                            : b.reason(), b == null || b.value() == null || f.value() == null ? null : f.value() - b.value()));
                }
                file.row(row);
            }
            return file.text();
        }
    }

    private static ResponseEntity<String> csv(String filename, String body) {
        return ResponseEntity.ok().contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"").body(body);
    }
}
