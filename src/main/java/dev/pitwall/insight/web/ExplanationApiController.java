package dev.pitwall.insight.web;

import dev.pitwall.insight.OutcomeExplanationService;
import dev.pitwall.insight.OutcomeExplanationService.Explanation;
import dev.pitwall.platform.security.Permission;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What explains outcomes, in the API. */
@RestController
@Tag(name = "Insight", description = "Whether effects are real, the first workflow to redesign, skill gaps to fund")
class ExplanationApiController {

    private final OutcomeExplanationService explanations;

    ExplanationApiController(OutcomeExplanationService explanations) {
        this.explanations = explanations;
    }

    @GetMapping("/api/v1/insight/explanations")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "What explains outcomes", description = "The share of the variance of a per-person outcome "
            + "(ADOPTION_LEVEL or ACCEPTANCE_RATE), or a KPI measured per team (outcome=KPI_PER_TEAM&kpi=id, teams as observations) explained by organizational, individual and technical factors: a "
            + "Shapley decomposition of R² with bootstrap 95 % intervals, for one workflow's intended users "
            + "(?workflow=key) or the organization; or the reason there is none.")
    Explanation explain(@RequestParam(required = false) String workflow, @RequestParam(required = false) String outcome,
            @RequestParam(required = false) Long kpi, @RequestParam(required = false) LocalDate asOf) {
        return explanations.explain(ExplanationController.blankToNull(workflow), OutcomeExplanationService.outcome(outcome),
                kpi, asOf);
    }

}
