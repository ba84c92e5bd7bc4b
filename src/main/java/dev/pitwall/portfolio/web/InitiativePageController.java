package dev.pitwall.portfolio.web;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.portfolio.Initiative;
import dev.pitwall.portfolio.InitiativeDraft;
import dev.pitwall.portfolio.InitiativeService;
import dev.pitwall.portfolio.InitiativeStage;
import dev.pitwall.portfolio.NewBudgetLine;
import dev.pitwall.portfolio.PipelineService;
import dev.pitwall.portfolio.PipelineStage;
import dev.pitwall.portfolio.PipelineStageUpdate;
import dev.pitwall.portfolio.PipelineStatus;
import dev.pitwall.portfolio.SpendCategory;
import dev.pitwall.portfolio.WorkflowService;
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

/** An initiative's page (budget, synchronized pipelines) and its forms. */
@Controller
class InitiativePageController {

    private final InitiativeService initiatives;
    private final PipelineService pipelines;
    private final WorkflowService workflows;
    private final PersonService people;

    InitiativePageController(InitiativeService initiatives, PipelineService pipelines, WorkflowService workflows,
            PersonService people) {
        this.initiatives = initiatives;
        this.pipelines = pipelines;
        this.workflows = workflows;
        this.people = people;
    }

    @GetMapping("/portfolio/initiatives/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String initiative(@PathVariable long id, Model model) {
        model.addAttribute("initiative", initiatives.get(id));
        model.addAttribute("budget", initiatives.budget(id));
        model.addAttribute("pipelines", pipelines.pipelines(id));
        model.addAttribute("workflows", workflows.find(null, id));
        model.addAttribute("categories", SpendCategory.values());
        model.addAttribute("pipelineStages", PipelineStage.values());
        model.addAttribute("statuses", PipelineStatus.values());
        model.addAttribute("tiers", Tier.values());
        return "portfolio/initiative";
    }

    @GetMapping("/portfolio/initiatives/new")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String newInitiative(Model model) {
        return form(model, null, null);
    }

    @GetMapping("/portfolio/initiatives/{id}/edit")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String edit(@PathVariable long id, Model model) {
        return form(model, initiatives.get(id), null);
    }

    @PostMapping("/portfolio/initiatives")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String save(@RequestParam(required = false) Long id, @RequestParam String name, @RequestParam String objective,
            @RequestParam(required = false) String sponsorEmail, @RequestParam InitiativeStage stage,
            @RequestParam(required = false) LocalDate startDate,
            Model model, RedirectAttributes redirect) {
        try {
            InitiativeDraft draft = new InitiativeDraft(name, objective, personId("sponsorEmail", sponsorEmail), stage,
                    startDate);
            Initiative saved = id == null ? initiatives.create(draft) : initiatives.update(id, draft);
            redirect.addFlashAttribute("flashMessage", "Saved.");
            return "redirect:/portfolio/initiatives/" + saved.id();
        } catch (ProblemException e) {
            return form(model, id == null ? null : initiatives.get(id), e);
        }
    }

    @PostMapping("/portfolio/initiatives/{id}/budget-lines")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String addBudgetLine(@PathVariable long id, @RequestParam SpendCategory category,
            @RequestParam(required = false) PipelineStage pipelineStage, @RequestParam(required = false) Tier tier,
            @RequestParam(required = false) String workflowKey, @RequestParam String description,
            @RequestParam BigDecimal amount, @RequestParam LocalDate spentOn,
            RedirectAttributes redirect) {
        try {
            initiatives.addBudgetLine(id, new NewBudgetLine(category, pipelineStage, tier,
                    workflowKey == null || workflowKey.isBlank() ? null : workflowKey, description, amount, spentOn));
            redirect.addFlashAttribute("flashMessage", "The spend was recorded.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("budgetError", e.describe());
        }
        return "redirect:/portfolio/initiatives/" + id + "#budget";
    }

    @PostMapping("/portfolio/initiatives/{id}/pipelines")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String updateStage(@PathVariable long id, @RequestParam PipelineStage stage, @RequestParam PipelineStatus status,
            @RequestParam(required = false) LocalDate startedOn,
            @RequestParam(required = false) LocalDate completedOn,
            @RequestParam(required = false) String assigneeEmail, RedirectAttributes redirect) {
        try {
            pipelines.update(id, stage, new PipelineStageUpdate(status, startedOn, completedOn,
                    personId("assigneeEmail", assigneeEmail)));
            redirect.addFlashAttribute("flashMessage", stage + " was updated.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("pipelineError", e.describe());
        }
        return "redirect:/portfolio/initiatives/" + id + "#pipelines";
    }

    private Long personId(String field, String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        return people.findByEmail(email).map(Person::id)
                .orElseThrow(() -> InvalidInputException.ofField(field, "no person has the email " + email.trim()));
    }

    private String form(Model model, Initiative initiative, ProblemException problem) {
        model.addAttribute("initiative", initiative);
        model.addAttribute("sponsorEmail", initiative == null || initiative.sponsorId() == null ? ""
                : people.findAllById(java.util.List.of(initiative.sponsorId())).get(0).email());
        model.addAttribute("stages", InitiativeStage.values());
        model.addAttribute("problem", problem);
        return "portfolio/initiative-form";
    }


}
