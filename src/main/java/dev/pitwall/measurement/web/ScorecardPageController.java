package dev.pitwall.measurement.web;

import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MeasurementSource;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.NewMeasurement;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.ScorecardService;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.GateService;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The scorecard pages: the organization, an initiative, a team, a workflow and the adoption drill-down. */
@Controller
class ScorecardPageController {

    private final ScorecardService scorecards;
    private final ScorecardCharts charts;
    private final KpiService kpis;
    private final MeasurementService measurements;
    private final GateService gates;

    ScorecardPageController(ScorecardService scorecards, ScorecardCharts charts, KpiService kpis,
            MeasurementService measurements, GateService gates) {
        this.scorecards = scorecards;
        this.charts = charts;
        this.kpis = kpis;
        this.measurements = measurements;
        this.gates = gates;
    }

    @GetMapping("/scorecards")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String organization(@RequestParam(required = false) LocalDate asOf,
            Model model) {
        return scope(scorecards.organization(asOf), model);
    }

    @GetMapping("/scorecards/initiatives/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String initiative(@PathVariable long id,
            @RequestParam(required = false) LocalDate asOf, Model model) {
        return scope(scorecards.initiative(id, asOf), model);
    }

    @GetMapping("/scorecards/teams/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String team(@PathVariable long id,
            @RequestParam(required = false) LocalDate asOf, Model model) {
        return scope(scorecards.team(id, asOf), model);
    }

    private String scope(OrganizationScorecard card, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("definitions", MetricDefinitions.all());
        model.addAttribute("charts", charts.organization(card));
        return "scorecards/organization";
    }

    @GetMapping("/scorecards/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String workflow(@PathVariable String key,
            @RequestParam(required = false) LocalDate asOf, Model model) {
        WorkflowScorecard card = scorecards.workflow(key, asOf);
        model.addAttribute("card", card);
        model.addAttribute("definitions", MetricDefinitions.all());
        model.addAttribute("charts", charts.workflow(card));
        model.addAttribute("kpis", kpis.ofWorkflow(key));
        model.addAttribute("gate", gates.evaluate(key));
        return "scorecards/workflow";
    }

    @GetMapping("/scorecards/workflows/{key}/people")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String people(@PathVariable String key, @RequestParam int level,
            @RequestParam(required = false) LocalDate asOf, Model model) {
        WorkflowScorecard card = scorecards.workflow(key, asOf);
        model.addAttribute("card", card);
        model.addAttribute("level", level);
        model.addAttribute("levelName", dev.pitwall.measurement.metrics.Adoption.LEVEL_NAMES[Math.max(0, Math.min(4, level))]);
        model.addAttribute("people", scorecards.peopleAtLevel(key, level, card.asOf()));
        return "scorecards/people";
    }

    @PostMapping("/scorecards/workflows/{key}/measurements")
    @PreAuthorize(Permission.Checks.MEASUREMENT_WRITE)
    String record(@PathVariable String key, @RequestParam long kpiId,
            @RequestParam LocalDate periodEnd,
            @RequestParam BigDecimal value, @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (!kpis.get(kpiId).workflowKey().equals(key)) {
            redirect.addFlashAttribute("actionError", "That KPI belongs to another workflow.");
            return "redirect:/scorecards/workflows/" + key + "#kpis";
        }
        try {
            measurements.record(kpiId, new NewMeasurement(periodEnd, value, note == null || note.isBlank() ? null : note),
                    MeasurementSource.UI);
            redirect.addFlashAttribute("flashMessage", "Recorded " + value.toPlainString() + " for the period ending "
                    + periodEnd + ".");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/scorecards/workflows/" + key + "#kpis";
    }
}
