package dev.pitwall.telemetry.web;

import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.AiSystemService;
import dev.pitwall.portfolio.WorkflowService;
import dev.pitwall.people.TeamService;
import dev.pitwall.telemetry.AttributionRule;
import dev.pitwall.telemetry.AttributionRuleDraft;
import dev.pitwall.telemetry.AttributionService;
import dev.pitwall.telemetry.Reattribution;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Attribution rules: list, create, edit, delete, and re-attribute stored events. */
@Controller
class AttributionPageController {

    private final AttributionService attribution;
    private final AiSystemService systems;
    private final WorkflowService workflows;
    private final TeamService teams;
    private final Clock clock;

    AttributionPageController(AttributionService attribution, AiSystemService systems, WorkflowService workflows,
            TeamService teams, Clock clock) {
        this.attribution = attribution;
        this.systems = systems;
        this.workflows = workflows;
        this.teams = teams;
        this.clock = clock;
    }

    @GetMapping("/telemetry/rules")
    @PreAuthorize(Permission.Checks.TELEMETRY_READ)
    String list(@RequestParam(required = false) Long edit, Model model) {
        AttributionRule editing = edit == null ? null : attribution.get(edit);
        AttributionRuleDraft form = editing == null ? new AttributionRuleDraft("", 100, "", "", "", "", true)
                : new AttributionRuleDraft(editing.name(), editing.priority(), editing.systemKey(), editing.teamName(),
                        editing.operation(), editing.workflowKey(), editing.enabled());
        return render(model, editing == null ? null : editing.id(), form);
    }

    @PostMapping("/telemetry/rules")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    String save(@RequestParam(required = false) Long id, @RequestParam String name,
            @RequestParam(required = false) Integer priority, @RequestParam String systemKey,
            @RequestParam(required = false) String teamName, @RequestParam(required = false) String operation,
            @RequestParam String workflowKey, @RequestParam(defaultValue = "false") boolean enabled, Model model,
            RedirectAttributes redirect) {
        AttributionRuleDraft draft = new AttributionRuleDraft(name, priority == null ? 100 : priority, systemKey,
                teamName, operation, workflowKey, enabled);
        try {
            AttributionRule saved = id == null ? attribution.create(draft) : attribution.update(id, draft);
            redirect.addFlashAttribute("flashMessage", "Saved rule '" + saved.name() + "'. It applies to events ingested "
                    + "from now on; re-attribute to apply it to stored events.");
            return "redirect:/telemetry/rules";
        } catch (ProblemException e) {
            model.addAttribute("ruleError", e.violations().isEmpty() ? e.getMessage()
                    : e.violations().stream().map(AttributionPageController::describe).collect(Collectors.joining("; ")));
            return render(model, id, draft);
        }
    }

    @PostMapping("/telemetry/rules/{id}/delete")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        AttributionRule rule = attribution.get(id);
        attribution.delete(id);
        redirect.addFlashAttribute("flashMessage", "Deleted rule '" + rule.name() + "'.");
        return "redirect:/telemetry/rules";
    }

    @PostMapping("/telemetry/rules/reattribute")
    @PreAuthorize(Permission.Checks.TELEMETRY_MANAGE)
    String reattribute(@RequestParam LocalDate from,
            @RequestParam LocalDate to, RedirectAttributes redirect) {
        try {
            Reattribution result = attribution.reattribute(from, to);
            redirect.addFlashAttribute("flashMessage", "Re-attributed " + from + " to " + to + ": " + result.examined()
                    + " events follow the rules, " + result.changed() + " changed workflow.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("flashError", e.violations().isEmpty() ? e.getMessage()
                    : e.violations().stream().map(AttributionPageController::describe).collect(Collectors.joining("; ")));
        }
        return "redirect:/telemetry/rules";
    }

    private String render(Model model, Long id, AttributionRuleDraft form) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        model.addAttribute("rules", attribution.findAll());
        model.addAttribute("editingId", id);
        model.addAttribute("form", form);
        model.addAttribute("systems", systems.findAll());
        model.addAttribute("workflows", workflows.find(null, null));
        model.addAttribute("teams", teams.findAll());
        model.addAttribute("reattributeFrom", today.minusDays(89));
        model.addAttribute("reattributeTo", today);
        return "telemetry/rules";
    }

    private static String describe(Violation violation) {
        return violation.field() == null ? violation.reason() : violation.field() + " " + violation.reason();
    }
}
