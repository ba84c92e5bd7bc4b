package dev.pitwall.insight.web;

import dev.pitwall.insight.EffectService;
import dev.pitwall.insight.RedesignService;
import dev.pitwall.insight.SkillGapService;
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

/** The insight analyses; each answer states its method and the date it was computed for. */
@RestController
@RequestMapping("/api/v1/insight")
@Tag(name = "Insight", description = "Whether effects are real, the first workflow to redesign, skill gaps to fund")
class InsightApiController {

    private final EffectService effects;
    private final RedesignService redesign;
    private final SkillGapService gaps;
    private final dev.pitwall.insight.ExpectationService expectations;
    private final dev.pitwall.insight.MisalignedUseService misaligned;

    InsightApiController(EffectService effects, RedesignService redesign, SkillGapService gaps,
            dev.pitwall.insight.ExpectationService expectations, dev.pitwall.insight.MisalignedUseService misaligned) {
        this.misaligned = misaligned;
        this.expectations = expectations;
        this.effects = effects;
        this.redesign = redesign;
        this.gaps = gaps;
    }

    /** The effects and the method, as one answer. */
    record Effects(String method, List<EffectService.WorkflowEffect> workflows) {
    }

    @GetMapping("/effects")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Is the effect real? Every workflow's outcome KPIs", description = "An interrupted time series "
            + "per business-outcome KPI around the workflow's AI go-live: the effect with its 95 % interval, in the KPI's "
            + "unit and in money per KPI period, or why there is none.")
    Effects effects(@RequestParam(required = false) LocalDate asOf) {
        return new Effects(EffectService.METHOD, effects.all(asOf));
    }

    @GetMapping("/effects/{workflowKey}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Is the effect real? One workflow")
    EffectService.WorkflowEffect effect(@PathVariable String workflowKey, @RequestParam(required = false) LocalDate asOf) {
        return effects.of(workflowKey, asOf);
    }

    @GetMapping("/redesign")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "The first workflow to redesign", description = "IDEA and PILOT workflows ranked by potential × "
            + "friction × readiness, each factor given.")
    RedesignService.Ranking redesign() {
        return redesign.rank();
    }

    @GetMapping("/skill-gaps")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Skill gaps that block value, and what to fund next", description = "The workflows × required "
            + "skills matrix and the ranking by value at stake per person to train.")
    SkillGapService.Report skillGaps(@RequestParam(required = false) LocalDate asOf) {
        return gaps.report(asOf);
    }

    @GetMapping("/skills/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "A skill: its level distribution, the workflows requiring it and who lacks it")
    SkillGapService.SkillView skill(@PathVariable long id, @RequestParam(required = false) LocalDate asOf) {
        return gaps.skill(id, asOf);
    }

    /** An expectation with today's verdict and the verdicts on record. */
    record ExpectationView(dev.pitwall.insight.Expectation expectation, dev.pitwall.insight.Verdict verdict,
            List<Recorded> record) {
    }

    /** A verdict on record. */
    record Recorded(String evaluatedOn, String verdict, String reason) {
    }

    @GetMapping("/expectations")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "Pre-registered expectations with today's verdicts")
    List<ExpectationView> expectations() {
        return expectations.all().stream().map(this::view).toList();
    }

    @GetMapping("/workflows/{workflowKey}/expectation")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    @Operation(summary = "A workflow's pre-registered expectation, its verdict today and the verdicts on record",
            description = "404 when none was recorded.")
    org.springframework.http.ResponseEntity<ExpectationView> expectation(@PathVariable String workflowKey) {
        return expectations.of(workflowKey).map(this::view).map(org.springframework.http.ResponseEntity::ok)
                .orElse(org.springframework.http.ResponseEntity.notFound().build());
    }

    @org.springframework.web.bind.annotation.PutMapping("/workflows/{workflowKey}/expectation")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Pre-register the expected effect", description = "Before the AI go-live only (IDEA or PILOT): "
            + "{\"kpi\":\"AP hours\",\"expectedEffect\":-500,\"horizonMonths\":6,\"note\":\"…\"}; the effect in the "
            + "KPI's unit, signed in its better direction. Judged at the production gate (gate check 8).")
    dev.pitwall.insight.Expectation record(@PathVariable String workflowKey,
            @org.springframework.web.bind.annotation.RequestBody dev.pitwall.insight.ExpectationDraft draft) {
        return expectations.record(workflowKey, draft);
    }

    private ExpectationView view(dev.pitwall.insight.Expectation expectation) {
        return new ExpectationView(expectation, expectations.verdict(expectation, null),
                expectations.record(expectation).stream().map(r -> new Recorded(r[0], r[1], r[2])).toList());
    }

    @GetMapping("/misaligned-use")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    @Operation(summary = "Misaligned use explained", description = "Use of AI outside any workflow the person is intended "
            + "for, by team and AI system, with the workflow it probably belongs to.")
    dev.pitwall.insight.MisalignedUseService.Report misalignedUse() {
        return misaligned.seenReport();
    }

    /** A suggestion to accept: the team, the AI system and the workflow. */
    record Acceptance(String teamName, String systemKey, String workflowKey) {
    }

    @org.springframework.web.bind.annotation.PostMapping("/misaligned-use/rules")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    @Operation(summary = "Accept a suggestion as an attribution rule", description = "The team's use of the AI system is "
            + "attributed to the workflow from now on; POST /api/v1/attribution-rules/reattribute applies it to the past.")
    dev.pitwall.telemetry.AttributionRule acceptAsRule(
            @org.springframework.web.bind.annotation.RequestBody Acceptance acceptance) {
        return misaligned.acceptAsRule(acceptance.teamName(), acceptance.systemKey(), acceptance.workflowKey());
    }

    @org.springframework.web.bind.annotation.PostMapping("/misaligned-use/intended-users")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    @Operation(summary = "Accept a suggestion by making the team intended users of the workflow")
    dev.pitwall.portfolio.WorkflowDefinition acceptAsIntendedUsers(
            @org.springframework.web.bind.annotation.RequestBody Acceptance acceptance) {
        return misaligned.acceptAsIntendedUsers(acceptance.teamName(), acceptance.workflowKey());
    }
}
