package dev.pitwall.operations.web;

import dev.pitwall.operations.Drill;
import dev.pitwall.operations.Fallback;
import dev.pitwall.operations.FallbackDraft;
import dev.pitwall.operations.FallbackService;
import dev.pitwall.operations.NewDrill;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.FormValues;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import dev.pitwall.portfolio.WorkflowService;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A workflow's fallback path in the UI: declare it, record drills, see them. */
@Controller
class FallbackPageController {

    /** The fallback form as typed. */
    record FallbackForm(String procedure, String ownerEmail, String maxSwitchMinutes) {

        FallbackDraft toDraft() {
            List<Violation> violations = new ArrayList<>();
            Integer minutes = FormValues.parse("maxSwitchMinutes", maxSwitchMinutes, Integer::valueOf, violations);
            if (!violations.isEmpty()) {
                throw new InvalidInputException("The fallback could not be read.", violations);
            }
            return new FallbackDraft(procedure, ownerEmail, minutes);
        }
    }

    /** The drill form as typed; {@code passed} is {@code auto}, {@code yes} or {@code no}. */
    record DrillForm(String drilledOn, String switchMinutes, String throughputRatio, String passed, String notes) {

        static DrillForm blank(LocalDate today) {
            return new DrillForm(today.toString(), "", "", "auto", "");
        }

        NewDrill toDrill() {
            List<Violation> violations = new ArrayList<>();
            LocalDate on = FormValues.parse("drilledOn", drilledOn, LocalDate::parse, violations);
            Integer minutes = FormValues.parse("switchMinutes", switchMinutes, Integer::valueOf, violations);
            BigDecimal throughput = FormValues.parse("throughputRatio", throughputRatio, t -> new BigDecimal(t.replace("%", "").trim())
                    .movePointLeft(t.contains("%") ? 2 : 0), violations);
            if (!violations.isEmpty()) {
                throw new InvalidInputException("The drill could not be read.", violations);
            }
            Boolean verdict = "yes".equals(passed) ? Boolean.TRUE : "no".equals(passed) ? Boolean.FALSE : null;
            return new NewDrill(on, minutes, throughput, verdict, notes);
        }
    }

    private final FallbackService fallbacks;
    private final WorkflowService workflows;
    private final java.time.Clock clock;
    private final dev.pitwall.operations.LifecycleService lifecycle;

    FallbackPageController(FallbackService fallbacks, WorkflowService workflows, java.time.Clock clock,
            dev.pitwall.operations.LifecycleService lifecycle) {
        this.lifecycle = lifecycle;
        this.fallbacks = fallbacks;
        this.workflows = workflows;
        this.clock = clock;
    }

    @GetMapping("/operations/workflows/{key}/fallback")
    @PreAuthorize(Permission.Checks.PORTFOLIO_READ)
    String page(@PathVariable String key, Model model) {
        Fallback fallback = fallbacks.find(key).orElse(null);
        FallbackForm form = fallback == null ? new FallbackForm("", "", "30")
                : new FallbackForm(fallback.procedure(), fallback.ownerEmail() == null ? "" : fallback.ownerEmail(),
                        String.valueOf(fallback.maxSwitchMinutes()));
        return render(key, form, null, DrillForm.blank(today()), null, model);
    }

    @PostMapping("/operations/workflows/{key}/fallback")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String declare(@PathVariable String key, @ModelAttribute FallbackForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            fallbacks.declare(key, typed.toDraft());
            redirect.addFlashAttribute("flashMessage", "The fallback was saved.");
            return "redirect:/operations/workflows/" + key + "/fallback";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return render(key, typed, e, DrillForm.blank(today()), null, model);
        }
    }

    @PostMapping("/operations/workflows/{key}/drills")
    @PreAuthorize(Permission.Checks.INCIDENTS_RESPOND)
    String drill(@PathVariable String key, @ModelAttribute DrillForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Drill drill = fallbacks.recordDrill(key, typed.toDrill());
            redirect.addFlashAttribute("flashMessage", "The drill of " + drill.drilledOn() + " was recorded: "
                    + (drill.passed() ? "passed." : "failed."));
            return "redirect:/operations/workflows/" + key + "/fallback";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            Fallback fallback = fallbacks.find(key).orElse(null);
            FallbackForm form = fallback == null ? new FallbackForm("", "", "30")
                    : new FallbackForm(fallback.procedure(), fallback.ownerEmail() == null ? "" : fallback.ownerEmail(),
                            String.valueOf(fallback.maxSwitchMinutes()));
            return render(key, form, null, typed, e, model);
        }
    }

    @PostMapping("/operations/workflows/{key}/lifecycle")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String policy(@PathVariable String key, @org.springframework.web.bind.annotation.RequestParam(required = false)
            String onSev1, RedirectAttributes redirect) {
        try {
            dev.pitwall.operations.LifecycleAction action;
            try {
                action = dev.pitwall.operations.LifecycleAction.valueOf(onSev1);
            } catch (RuntimeException e) {
                throw InvalidInputException.ofField("onSev1", "choose DEMOTE, FALLBACK or NOTIFY");
            }
            lifecycle.setPolicy(key, action);
            redirect.addFlashAttribute("flashMessage", "The lifecycle policy was saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/workflows/" + key + "/fallback";
    }

    @PostMapping("/operations/workflows/{key}/reinstate")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String reinstate(@PathVariable String key, RedirectAttributes redirect) {
        try {
            lifecycle.reinstate(key);
            redirect.addFlashAttribute("flashMessage", "Fallback mode ended: the AI acts again.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
        }
        return "redirect:/operations/workflows/" + key + "/fallback";
    }

    private String render(String key, FallbackForm fallbackForm, ProblemException fallbackProblem, DrillForm drillForm,
            ProblemException drillProblem, Model model) {
        model.addAttribute("workflow", workflows.get(key));
        model.addAttribute("lifecycle", lifecycle.policy(key));
        model.addAttribute("actions", dev.pitwall.operations.LifecycleAction.values());
        model.addAttribute("fallback", fallbacks.find(key).orElse(null));
        model.addAttribute("fallbackForm", fallbackForm);
        model.addAttribute("fallbackProblem", fallbackProblem);
        model.addAttribute("drillForm", drillForm);
        model.addAttribute("drillProblem", drillProblem);
        model.addAttribute("drills", fallbacks.drills(key));
        model.addAttribute("schedule", fallbacks.schedule().stream().filter(s -> s.workflowKey().equals(key)).findFirst()
                .orElse(null));
        return "operations/fallback";
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
    }

}
