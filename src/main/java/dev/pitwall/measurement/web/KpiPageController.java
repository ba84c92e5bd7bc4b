package dev.pitwall.measurement.web;

import dev.pitwall.measurement.Cadence;
import dev.pitwall.measurement.Direction;
import dev.pitwall.measurement.Kpi;
import dev.pitwall.measurement.KpiLevel;
import dev.pitwall.measurement.KpiService;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The measurement contract in the UI: add, change and delete a workflow's KPIs (baseline, target,
 * value per unit, direction, cadence, owner, parent). A refused form is shown again with what was
 * typed and every field that was refused.
 */
@Controller
class KpiPageController {

    private final KpiService kpis;
    private final PersonService people;

    KpiPageController(KpiService kpis, PersonService people) {
        this.kpis = kpis;
        this.people = people;
    }

    @GetMapping("/scorecards/workflows/{key}/kpis/new")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String newKpi(@PathVariable String key, Model model) {
        return form(key, null, KpiForm.blank(), null, model);
    }

    @PostMapping("/scorecards/workflows/{key}/kpis")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String create(@PathVariable String key, @ModelAttribute KpiForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        try {
            Kpi kpi = kpis.create(key, typed.toDraft());
            redirect.addFlashAttribute("flashMessage", "KPI '" + kpi.name() + "' was added to the measurement contract.");
            return "redirect:/scorecards/workflows/" + key + "#kpis";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return form(key, null, typed, e, model);
        }
    }

    @GetMapping("/scorecards/kpis/{id}/edit")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String edit(@PathVariable long id, Model model) {
        Kpi kpi = kpis.get(id);
        String ownerEmail = kpi.ownerId() == null ? null : people.get(kpi.ownerId()).email();
        return form(kpi.workflowKey(), kpi, KpiForm.of(kpi, ownerEmail), null, model);
    }

    @PostMapping("/scorecards/kpis/{id}")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String update(@PathVariable long id, @ModelAttribute KpiForm typed, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        Kpi kpi = kpis.get(id);
        try {
            Kpi changed = kpis.update(id, typed.toDraft());
            redirect.addFlashAttribute("flashMessage", "KPI '" + changed.name() + "' was changed.");
            return "redirect:/scorecards/workflows/" + kpi.workflowKey() + "#kpis";
        } catch (ProblemException e) {
            response.setStatus(e.status().value());
            return form(kpi.workflowKey(), kpi, typed, e, model);
        }
    }

    @PostMapping("/scorecards/kpis/{id}/delete")
    @PreAuthorize(Permission.Checks.PORTFOLIO_WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        Kpi kpi = kpis.get(id);
        try {
            kpis.delete(id);
            redirect.addFlashAttribute("flashMessage", "KPI '" + kpi.name()
                    + "' was deleted; its measurements stay in the history of past scorecards.");
            return "redirect:/scorecards/workflows/" + kpi.workflowKey() + "#kpis";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("actionError", e.describe());
            return "redirect:/scorecards/kpis/" + id + "/edit";
        }
    }

    private String form(String workflowKey, Kpi kpi, KpiForm typed, ProblemException problem, Model model) {
        List<Kpi> parents = kpis.ofWorkflow(workflowKey).stream()
                .filter(other -> kpi == null || other.id() != kpi.id()).toList();
        model.addAttribute("workflowKey", workflowKey);
        model.addAttribute("kpi", kpi);
        model.addAttribute("form", typed);
        model.addAttribute("parents", parents);
        model.addAttribute("problem", problem);
        model.addAttribute("levels", KpiLevel.values());
        model.addAttribute("directions", Direction.values());
        model.addAttribute("cadences", Cadence.values());
        return "scorecards/kpi-form";
    }
}
