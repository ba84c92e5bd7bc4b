package dev.pitwall.portfolio.web;

import dev.pitwall.people.PersonService;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.ActorType;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.AppliedWorkflow;
import dev.pitwall.portfolio.DecisionRight;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The workflow's operating model in forms instead of YAML: name, initiative, AI go-live, AI
 * systems, steps, intended users and roles with their required skills on one page, and all nine
 * decision rights in one form on the workflow's page. Pickers suggest people as one types.
 */
@Controller
class WorkflowEditController {

    private final WorkflowService workflows;
    private final AiSystemService systems;
    private final InitiativeService initiatives;
    private final TeamService teams;
    private final SkillService skills;
    private final PersonService people;

    WorkflowEditController(WorkflowService workflows, AiSystemService systems, InitiativeService initiatives,
            TeamService teams, SkillService skills, PersonService people) {
        this.people = people;
        this.workflows = workflows;
        this.systems = systems;
        this.initiatives = initiatives;
        this.teams = teams;
        this.skills = skills;
    }

    @GetMapping("/portfolio/workflows/{key}/edit")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String edit(@PathVariable String key, Model model) {
        return form(key, WorkflowForm.of(workflows.definition(key)), null, model);
    }

    @PostMapping("/portfolio/workflows/{key}/edit")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String save(@PathVariable String key, @ModelAttribute("form") WorkflowForm form, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            AppliedWorkflow applied = workflows.apply(form.toDefinition(workflows.definition(key)),
                    UnaryOperator.identity(), null);
            redirect.addFlashAttribute("flashMessage", applied.action() == AppliedWorkflow.Action.UNCHANGED
                    ? "Nothing changed." : "The workflow was saved (" + applied.changes().size() + " changes).");
            return "redirect:/portfolio/workflows/" + key;
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return form(key, form, e, model);
        }
    }

    /** All nine decision rights in one submit: each row's holder (an email, blank for nobody) and note. */
    @PostMapping("/portfolio/workflows/{key}/rights/all")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String assignRights(@PathVariable String key, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
        Map<DecisionRight, WorkflowService.RightAssignment> assignments = new EnumMap<>(DecisionRight.class);
        for (DecisionRight right : DecisionRight.values()) {
            if (params.containsKey("holder." + right.name())) {
                assignments.put(right, new WorkflowService.RightAssignment(params.get("holder." + right.name()),
                        params.get("note." + right.name())));
            }
        }
        try {
            workflows.assignRights(key, assignments);
            redirect.addFlashAttribute("flashMessage", "The decision rights were saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            redirect.addFlashAttribute("typedRights", params);
        }
        return "redirect:/portfolio/workflows/" + key + "#rights";
    }

    /** The names of the people the form names by email, shown under their fields so they are recognized. */
    private Map<String, String> names(WorkflowForm form) {
        Map<String, String> names = new java.util.HashMap<>();
        java.util.stream.Stream.concat(form.getIntendedPeople().stream(),
                        form.getRoles().stream().flatMap(r -> r.getMembers().stream()))
                .filter(email -> email != null && !email.isBlank()).map(String::strip).distinct()
                .forEach(email -> people.findByEmail(email).ifPresent(p -> names.put(email, p.name()
                        + (p.title() == null ? "" : ", " + p.title()) + (p.active() ? "" : " (no longer active)"))));
        return names;
    }

    private String form(String key, WorkflowForm form, ProblemException problem, Model model) {
        model.addAttribute("workflow", workflows.get(key));
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        model.addAttribute("systems", systems.findAll());
        model.addAttribute("initiatives", initiatives.findAll());
        model.addAttribute("teams", teams.findAll());
        model.addAttribute("skills", skills.catalog());
        model.addAttribute("actors", ActorType.values());
        model.addAttribute("names", names(form));
        return "portfolio/workflow-edit";
    }
}
