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

    InsightApiController(EffectService effects, RedesignService redesign, SkillGapService gaps) {
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
}
