package dev.pitwall.people.web;

import dev.pitwall.people.SkillDraft;
import dev.pitwall.people.SkillService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The skills catalog page. */
@Controller
class SkillPageController {

    private final SkillService skills;

    SkillPageController(SkillService skills) {
        this.skills = skills;
    }

    @GetMapping("/skills")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String catalog(Model model) {
        model.addAttribute("skills", skills.catalog());
        return "people/skills";
    }

    @PostMapping("/skills")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String create(@RequestParam String name, @RequestParam String category,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        try {
            skills.create(new SkillDraft(name, category, description));
            redirect.addFlashAttribute("flashMessage", "The skill '" + name.trim() + "' was added.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("skillError", e.getMessage());
        }
        return "redirect:/skills";
    }

    @PostMapping("/skills/{id}/delete")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            skills.delete(id);
            redirect.addFlashAttribute("flashMessage", "The skill was deleted.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("skillError", e.getMessage());
        }
        return "redirect:/skills";
    }
}
