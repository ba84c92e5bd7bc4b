package dev.pitwall.measurement.web;

import dev.pitwall.measurement.ScorecardViews;
import dev.pitwall.measurement.OrganizationScorecard;
import dev.pitwall.measurement.WorkflowScorecard;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/scorecards")
@Tag(name = "Scorecards", description = "The balanced scorecard at any as-of date: every figure with its value, unit, "
        + "definition id and, when null, the reason (definitions in docs/metrics.md)")
class ScorecardApiController {

    private final ScorecardViews views;

    private final dev.pitwall.measurement.OrganizationValueCapture valueCapture;

    private final dev.pitwall.measurement.AdoptionDrillDown drillDown;
    private final dev.pitwall.measurement.AdoptionCohorts cohorts;

    ScorecardApiController(ScorecardViews views, dev.pitwall.measurement.OrganizationValueCapture valueCapture,
            dev.pitwall.measurement.AdoptionDrillDown drillDown, dev.pitwall.measurement.AdoptionCohorts cohorts) {
        this.drillDown = drillDown;
        this.cohorts = cohorts;
        this.valueCapture = valueCapture;
        this.views = views;
    }

    /** The organization's value capture and the board question in words. */
    record ValueCapture(dev.pitwall.measurement.OrganizationValueCapture.Waterfall waterfall, String boardQuestion) {
    }

    @GetMapping("/organization/value-capture")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The organization's value-capture waterfall", description = "Each step (potential, lost to "
            + "adoption, lost to quality, expected, operating-model residual, realized) summed over the workflows in "
            + "production with a complete waterfall, the workflows and binding constraints behind each loss, and the "
            + "board question answered in words.")
    ValueCapture valueCapture(@RequestParam(required = false) LocalDate asOf) {
        var waterfall = views.valueCapture(asOf);
        return new ValueCapture(waterfall, valueCapture.boardQuestion(views.organization(asOf), waterfall));
    }

    @GetMapping("/organization")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The organization's scorecard", description = "Realized vs target impact, the technical and "
            + "workforce indices, stranded capital, alignment, investment balance and the workflows ranked by binding "
            + "constraint. asOf defaults to today. Filters: initiative or team (id) choose that scorecard (a team's "
            + "restricted to the initiative's workflows when both are given); stage (IDEA, PILOT, PRODUCTION, RETIRED) "
            + "and constraint (TECHNOLOGY, WORKFORCE, OPERATING_MODEL) restrict the ranked workflows.")
    OrganizationScorecard organization(@RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) Long initiative, @RequestParam(required = false) Long team,
            @RequestParam(required = false) String stage, @RequestParam(required = false) String constraint) {
        return views.filtered(dev.pitwall.measurement.ScorecardFilter.of(initiative, team, stage, constraint), asOf);
    }

    @GetMapping("/initiatives/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "An initiative's scorecard")
    OrganizationScorecard initiative(@PathVariable long id, @RequestParam(required = false)
            LocalDate asOf) {
        return views.initiative(id, asOf);
    }

    @GetMapping("/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's scorecard", description = "Adoption, workforce, technical and value figures, the "
            + "level distribution, the value-capture waterfall and the binding constraint.")
    WorkflowScorecard workflow(@PathVariable String key, @RequestParam(required = false)
            LocalDate asOf) {
        return views.workflow(key, asOf);
    }

    @GetMapping("/workflows/{key}/people")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "The intended users at one adoption level", description = "level 0 none … 4 embedded, with "
            + "each person's active days in the window. Individual usage: needs telemetry:read; names and emails need "
            + "people:identify (the view is audited), others see pseudonyms, and a level of fewer people than the "
            + "minimum group size is withheld (count null, withheld true).")
    dev.pitwall.measurement.AdoptionDrillDown.Level peopleAtLevel(@PathVariable String key, @RequestParam int level,
            @RequestParam(required = false) LocalDate asOf) {
        return drillDown.people(key, level, asOf);
    }

    @GetMapping("/workflows/{key}/adoption-phases")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's adoption by cohort of GitHub's AI adoption phase", description = "The intended "
            + "users grouped by the phase GitHub reported for them last in the 28 days to asOf (no cohort, code first, "
            + "agent first, multi-agent, unclassified), with the workflow's reach and adoption depth in each. Cohorts "
            + "that would reveal fewer than the minimum group size are withheld for callers without people:identify.")
    dev.pitwall.measurement.AdoptionCohorts.PhaseCohorts adoptionPhases(@PathVariable String key,
            @RequestParam(required = false) LocalDate asOf) {
        return cohorts.byPhase(key, asOf);
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A team's scorecard", description = "Adoption, skills and alignment of the team's members "
            + "(with sub-teams), and the workflows they are intended users of.")
    OrganizationScorecard team(@PathVariable long id, @RequestParam(required = false)
            LocalDate asOf) {
        return views.team(id, asOf);
    }
}
