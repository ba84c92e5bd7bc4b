package dev.pitwall.portfolio.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.DataAssessmentRequest;
import dev.pitwall.portfolio.DataReadinessService;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.FrictionService;
import dev.pitwall.portfolio.GateService;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.StageChangeRequest;
import dev.pitwall.portfolio.StageService;
import dev.pitwall.portfolio.WaiverRequest;
import dev.pitwall.portfolio.WorkflowDefinition;
import dev.pitwall.portfolio.WorkflowDetails;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.portfolio.WorkflowStage;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A workflow's page: its operating model, gate, stage history and waivers, and the forms that change them. */
@Controller
class WorkflowPageController {

    private final WorkflowService workflows;
    private final GateService gate;
    private final StageService stages;
    private final FrictionService friction;
    private final DataReadinessService data;
    private final InitiativeService initiatives;
    private final CurrentPerson currentPerson;

    WorkflowPageController(WorkflowService workflows, GateService gate, StageService stages, FrictionService friction,
            DataReadinessService data, InitiativeService initiatives, CurrentPerson currentPerson) {
        this.workflows = workflows;
        this.gate = gate;
        this.stages = stages;
        this.friction = friction;
        this.data = data;
        this.initiatives = initiatives;
        this.currentPerson = currentPerson;
    }

    @GetMapping("/portfolio/workflows/{key}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String workflow(@PathVariable String key, Model model) {
        WorkflowDetails details = workflows.details(key);
        model.addAttribute("details", details);
        // The rights form's picker offers the workflow's roles beside people: "role:<name>".
        model.addAttribute("pickerRoles", tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(
                details.roles().stream().map(WorkflowDetails.Role::name).toList()));
        model.addAttribute("workflow", details.workflow());
        model.addAttribute("gate", gate.evaluate(key));
        model.addAttribute("friction", friction.friction(key));
        model.addAttribute("history", stages.history(key));
        model.addAttribute("waivers", stages.waivers(key));
        model.addAttribute("dataHistory", details.dataSources().stream().collect(java.util.stream.Collectors.toMap(
                WorkflowDetails.DataSource::id, source -> data.history(source.id()))));
        model.addAttribute("rights", DecisionRight.values());
        model.addAttribute("stages", WorkflowStage.values());
        return "portfolio/workflow";
    }

    @GetMapping("/portfolio/workflows/new")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String newWorkflow(Model model) {
        model.addAttribute("initiatives", initiatives.findAll());
        return "portfolio/workflow-form";
    }

    @PostMapping("/portfolio/workflows")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String create(@RequestParam String key, @RequestParam String name, @RequestParam(required = false) String initiative,
            @RequestParam(required = false) String description, @RequestParam WorkflowStage stage,
            @RequestParam(required = false) LocalDate aiGoLive, Model model, RedirectAttributes redirect) {
        try {
            workflows.create(new WorkflowDefinition(key, name, description, blankToNull(initiative), stage, aiGoLive,
                    List.of(), List.of(), Map.of(), List.of(), null, List.of()));
            redirect.addFlashAttribute("flashMessage", "The workflow was created. Describe its operating model next.");
            return "redirect:/portfolio/workflows/" + key.trim();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return newWorkflow(model);
        }
    }

    @PostMapping("/portfolio/workflows/{key}/rights")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String assignRight(@PathVariable String key, @RequestParam DecisionRight right,
            @RequestParam(required = false) String holder, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(key, redirect, "rights", () -> {
            workflows.assignRight(key, right, holder, note);
            return right + " was assigned.";
        });
    }

    @PostMapping("/portfolio/workflows/{key}/stage")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String changeStage(@PathVariable String key, @RequestParam WorkflowStage stage,
            @RequestParam(required = false) LocalDate effectiveOn,
            @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        return act(key, redirect, "gate", () -> {
            stages.changeStage(key, new StageChangeRequest(stage, effectiveOn, reason));
            return "The workflow moved to " + stage + ".";
        });
    }

    @PostMapping("/portfolio/workflows/{key}/waivers")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String grantWaiver(@PathVariable String key, @RequestParam String reason,
            @RequestParam LocalDate expiresOn, RedirectAttributes redirect) {
        return act(key, redirect, "gate", () -> {
            stages.recordWaiver(key, new WaiverRequest(reason, null, expiresOn), currentPerson.require().id());
            return "The waiver was recorded.";
        });
    }

    @PostMapping("/portfolio/workflows/{key}/data-sources/{id}/assessments")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String assess(@PathVariable String key, @PathVariable long id, @RequestParam Integer freshness,
            @RequestParam Integer quality, @RequestParam Integer access, @RequestParam Integer governance,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(key, redirect, "data", () -> {
            data.assess(id, new DataAssessmentRequest(null, freshness, quality, access, governance, note));
            return "The assessment was recorded.";
        });
    }

    @PostMapping("/portfolio/workflows/{key}/data-sources")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String addSource(@PathVariable String key, @RequestParam String name,
            @RequestParam(required = false) String owningSystem, @RequestParam(required = false) String steward,
            RedirectAttributes redirect) {
        return act(key, redirect, "data", () -> {
            WorkflowDefinition d = workflows.definition(key);
            List<WorkflowDefinition.DataSourceSpec> sources = new java.util.ArrayList<>(d.dataSources());
            sources.add(new WorkflowDefinition.DataSourceSpec(name, blankToNull(owningSystem), blankToNull(steward)));
            workflows.apply(new WorkflowDefinition(d.key(), d.name(), d.description(), d.initiative(), d.stage(),
                    d.aiGoLive(), d.systems(), d.steps(), d.decisionRights(), d.roles(), d.intendedUsers(), sources),
                    UnaryOperator.identity(), null);
            return "The data source was added.";
        });
    }

    /** Runs a change, then shows the workflow page with the outcome or the problem, near the form. */
    private static String act(String key, RedirectAttributes redirect, String anchor,
            java.util.function.Supplier<String> change) {
        try {
            redirect.addFlashAttribute("flashMessage", change.get());
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            redirect.addFlashAttribute("actionErrorCode", e.code());
        }
        return "redirect:/portfolio/workflows/" + key + "#" + anchor;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
