package dev.pitwall.insight.web;

import dev.pitwall.insight.OutcomeExplanationService;
import dev.pitwall.insight.OutcomeExplanationService.Explanation;
import dev.pitwall.platform.csv.CsvExport;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.portfolio.Workflow;
import dev.pitwall.portfolio.WorkflowService;
import java.time.LocalDate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** What explains outcomes: the page and its CSV. */
@Controller
class ExplanationController {

    private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    private final OutcomeExplanationService explanations;
    private final WorkflowService workflows;
    private final dev.pitwall.measurement.TeamMeasurementService teamMeasurements;

    ExplanationController(OutcomeExplanationService explanations, WorkflowService workflows,
            dev.pitwall.measurement.TeamMeasurementService teamMeasurements) {
        this.teamMeasurements = teamMeasurements;
        this.explanations = explanations;
        this.workflows = workflows;
    }

    @GetMapping("/insight/explain")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String page(@RequestParam(required = false) String workflow, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Long kpi, @RequestParam(required = false) LocalDate asOf, Model model) {
        OutcomeExplanationService.Outcome chosen = OutcomeExplanationService.outcome(outcome);
        Explanation explanation = explanations.explain(chosen == OutcomeExplanationService.Outcome.KPI_PER_TEAM ? null
                : blankToNull(workflow), chosen, kpi, asOf);
        model.addAttribute("teamKpis", teamMeasurements.kpisMeasuredPerTeam());
        model.addAttribute("selectedKpi", kpi);
        model.addAttribute("explanation", explanation);
        model.addAttribute("workflowKeys", workflows.find(null, null).stream().map(Workflow::key).sorted().toList());
        model.addAttribute("outcomes", OutcomeExplanationService.Outcome.values());
        model.addAttribute("selectedWorkflow", blankToNull(workflow));
        return "insight/explain";
    }

    @GetMapping("/insight/explain.csv")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    ResponseEntity<String> csv(@RequestParam(required = false) String workflow, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Long kpi, @RequestParam(required = false) LocalDate asOf) {
        OutcomeExplanationService.Outcome chosen = OutcomeExplanationService.outcome(outcome);
        Explanation e = explanations.explain(chosen == OutcomeExplanationService.Outcome.KPI_PER_TEAM ? null
                : blankToNull(workflow), chosen, kpi, asOf);
        try (CsvExport file = CsvExport.create()) {
            file.row("scope", "outcome", "from", "asOf", "observations (" + e.unit() + ")", "rSquared", "group", "factors", "contribution",
                    "low95", "high95", "shareOfExplained", "refusal");
            if (e.refusal() != null) {
                file.row(e.scope(), e.outcome(), e.from(), e.asOf(), e.people(), null, null, null, null, null, null, null,
                        e.refusal());
            }
            e.groups().forEach(g -> file.row(e.scope(), e.outcome(), e.from(), e.asOf(), e.people(), e.rSquared(),
                    g.group(), String.join("; ", g.factors()), g.contribution(), g.low(), g.high(), g.shareOfExplained(),
                    null));
            return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                    "attachment; filename=\"what-explains-" + e.scope() + "-" + e.asOf() + ".csv\"").body(file.text());
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
