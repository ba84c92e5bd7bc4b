package dev.pitwall.platform.organization.web;

import dev.pitwall.platform.organization.Organization;
import dev.pitwall.platform.organization.OrganizationService;
import dev.pitwall.platform.organization.OrganizationUpdate;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Administrators set the organization's name and currency. */
@Controller
@PreAuthorize(Permission.Checks.SETTINGS_MANAGE)
class OrganizationPageController {

    private final OrganizationService organization;

    OrganizationPageController(OrganizationService organization) {
        this.organization = organization;
    }

    @GetMapping("/admin/organization")
    String form(Model model) {
        Organization current = organization.get();
        return form(model, new OrganizationUpdate(current.name(), current.currency()));
    }

    @PostMapping("/admin/organization")
    String save(@ModelAttribute("form") OrganizationUpdate form, Model model, RedirectAttributes redirect) {
        try {
            Organization saved = organization.update(form);
            redirect.addFlashAttribute("flashMessage", "Saved: money figures are shown in " + saved.currency() + ".");
            return "redirect:/admin/organization";
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return form(model, form);
        }
    }

    private String form(Model model, OrganizationUpdate form) {
        model.addAttribute("form", form);
        model.addAttribute("currencies", organization.currencies());
        return "platform/organization";
    }
}
