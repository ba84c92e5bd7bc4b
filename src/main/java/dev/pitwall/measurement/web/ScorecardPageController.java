package dev.pitwall.measurement.web;

import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.measurement.MeasurementService;
import dev.pitwall.measurement.MeasurementSource;
import dev.pitwall.measurement.MetricDefinitions;
import dev.pitwall.measurement.NewMeasurement;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.ScorecardFilter;
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

    private final ScorecardViews views;
    private final ScorecardCharts charts;
    private final KpiService kpis;
    private final MeasurementService measurements;
    private final GateService gates;

    private final dev.pitwall.measurement.OrganizationValueCapture valueCapture;
    private final dev.pitwall.portfolio.InitiativeService initiatives;
    private final dev.pitwall.people.TeamService teams;

    private final dev.pitwall.measurement.AdoptionDrillDown drillDown;
    private final dev.pitwall.measurement.AdoptionCohorts cohorts;

    ScorecardPageController(ScorecardViews views, ScorecardCharts charts, KpiService kpis,
            MeasurementService measurements, GateService gates,
            dev.pitwall.measurement.OrganizationValueCapture valueCapture,
            dev.pitwall.portfolio.InitiativeService initiatives, dev.pitwall.people.TeamService teams,
            dev.pitwall.measurement.AdoptionDrillDown drillDown, dev.pitwall.measurement.AdoptionCohorts cohorts) {
        this.drillDown = drillDown;
        this.cohorts = cohorts;
        this.initiatives = initiatives;
        this.teams = teams;
        this.valueCapture = valueCapture;
        this.views = views;
        this.charts = charts;
        this.kpis = kpis;
        this.measurements = measurements;
        this.gates = gates;
    }

    @GetMapping("/scorecards")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String organization(@RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) String compare,
            @RequestParam(required = false) String compareDate, @RequestParam(required = false) Long initiative,
            @RequestParam(required = false) Long team, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String constraint, Model model) {
        ScorecardFilter filter = ScorecardFilter.of(initiative, team, stage, constraint);
        OrganizationScorecard card = views.filtered(filter, asOf);
        if (filter.initiative() == null && filter.team() == null) {
            var waterfall = views.valueCapture(asOf);
            model.addAttribute("valueCapture", waterfall);
            model.addAttribute("boardQuestion", valueCapture.boardQuestion(card, waterfall));
        }
        compare(compareDate != null && !compareDate.isBlank() ? compareDate : compare, card.asOf(),
                day -> views.filtered(filter, day).figures(), model);
        model.addAttribute("trends", FigureTrends.of(card.asOf(), day -> views.filtered(filter, day).figures()));
        return scope(card, filter, "/scorecards", model);
    }

    /** Puts the comparison with an earlier as-of date in the model when one is asked for. */
    private static void compare(String compare, LocalDate asOf,
            java.util.function.Function<LocalDate, java.util.List<dev.pitwall.measurement.Figure>> figuresOn, Model model) {
        LocalDate against = dev.pitwall.measurement.ScorecardComparison.resolve(compare, asOf);
        model.addAttribute("compare", compare == null ? "" : compare.trim());
        if (against != null) {
            model.addAttribute("comparison", dev.pitwall.measurement.ScorecardComparison.of(against,
                    dev.pitwall.measurement.ScorecardComparison.label(compare.trim(), against), figuresOn.apply(against)));
        }
    }

    @GetMapping("/scorecards/initiatives/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String initiative(@PathVariable long id,
            @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) String compare,
            @RequestParam(required = false) String compareDate, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String constraint, Model model) {
        ScorecardFilter filter = ScorecardFilter.of(id, null, stage, constraint);
        OrganizationScorecard card = views.filtered(filter, asOf);
        compare(compareDate != null && !compareDate.isBlank() ? compareDate : compare, card.asOf(), day -> views.initiative(id, day).figures(), model);
        model.addAttribute("trends", FigureTrends.of(card.asOf(), day -> views.initiative(id, day).figures()));
        return scope(card, new ScorecardFilter(null, null, filter.stage(), filter.constraint()),
                "/scorecards/initiatives/" + id, model);
    }

    @GetMapping("/scorecards/teams/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String team(@PathVariable long id,
            @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) String compare,
            @RequestParam(required = false) String compareDate, @RequestParam(required = false) String stage,
            @RequestParam(required = false) String constraint, Model model) {
        ScorecardFilter filter = ScorecardFilter.of(null, id, stage, constraint);
        OrganizationScorecard card = views.filtered(filter, asOf);
        compare(compareDate != null && !compareDate.isBlank() ? compareDate : compare, card.asOf(), day -> views.team(id, day).figures(), model);
        model.addAttribute("trends", FigureTrends.of(card.asOf(), day -> views.team(id, day).figures()));
        return scope(card, new ScorecardFilter(null, null, filter.stage(), filter.constraint()),
                "/scorecards/teams/" + id, model);
    }

    private String scope(OrganizationScorecard card, ScorecardFilter filter, String path, Model model) {
        model.addAttribute("card", card);
        model.addAttribute("filter", filter);
        model.addAttribute("filterTotals", filter.restrictsWorkflows()
                ? ScorecardFilter.Totals.of(card.workflows()) : null);
        model.addAttribute("viewPath", path);
        model.addAttribute("minGroupSize", views.minGroupSize());
        String query = org.springframework.web.servlet.support.ServletUriComponentsBuilder.fromCurrentRequest().build()
                .getQuery();
        model.addAttribute("viewQuery", query == null ? "" : query);
        model.addAttribute("stages", java.util.Arrays.stream(dev.pitwall.portfolio.WorkflowStage.values()).map(Enum::name).toList());
        model.addAttribute("constraints", ScorecardFilter.CONSTRAINTS);
        if ("/scorecards".equals(path)) {
            model.addAttribute("initiatives", initiatives.findAll());
            model.addAttribute("teams", teams.findAll().stream()
                    .sorted(java.util.Comparator.comparing(dev.pitwall.people.Team::name)).toList());
        }
        model.addAttribute("definitions", MetricDefinitions.all());
        model.addAttribute("charts", charts.organization(card));
        return "scorecards/organization";
    }

    @GetMapping("/scorecards/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String workflow(@PathVariable String key,
            @RequestParam(required = false) LocalDate asOf, @RequestParam(required = false) String compare,
            @RequestParam(required = false) String compareDate, Model model) {
        WorkflowScorecard card = views.workflow(key, asOf);
        model.addAttribute("minGroupSize", views.minGroupSize());
        java.util.function.Function<LocalDate, java.util.List<dev.pitwall.measurement.Figure>> figuresOn = day -> {
            WorkflowScorecard then = day.equals(card.asOf()) ? card : views.workflow(key, day);
            java.util.List<dev.pitwall.measurement.Figure> all = new java.util.ArrayList<>(then.figures());
            all.addAll(then.waterfall());
            then.parts().forEach(p -> all.addAll(p.figures()));
            return all;
        };
        compare(compareDate != null && !compareDate.isBlank() ? compareDate : compare, card.asOf(), figuresOn, model);
        model.addAttribute("trends", FigureTrends.of(card.asOf(), figuresOn));
        model.addAttribute("card", card);
        model.addAttribute("definitions", MetricDefinitions.all());
        model.addAttribute("charts", charts.workflow(card));
        model.addAttribute("kpis", kpis.ofWorkflow(key));
        model.addAttribute("gate", gates.evaluate(key));
        model.addAttribute("phaseCohorts", cohorts.byPhase(key, card.asOf()));
        return "scorecards/workflow";
    }

    @GetMapping("/scorecards/workflows/{key}/people")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String people(@PathVariable String key, @RequestParam int level,
            @RequestParam(required = false) LocalDate asOf, Model model) {
        WorkflowScorecard card = views.workflow(key, asOf);
        model.addAttribute("card", card);
        model.addAttribute("level", level);
        model.addAttribute("levelName", dev.pitwall.measurement.metrics.Adoption.LEVEL_NAMES[Math.max(0, Math.min(4, level))]);
        var drill = drillDown.people(key, level, card.asOf());
        model.addAttribute("drill", drill);
        model.addAttribute("people", drill.people());
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
