package dev.pitwall.people.web;

import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.Team;
import dev.pitwall.people.TeamDraft;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.platform.web.ProblemException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The team hierarchy and each team's page. */
@Controller
class TeamPageController {

    private final TeamService teams;
    private final PersonService people;
    private final Paging paging;

    TeamPageController(TeamService teams, PersonService people, Paging paging) {
        this.teams = teams;
        this.people = people;
        this.paging = paging;
    }

    @GetMapping("/teams")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String list(Model model) {
        model.addAttribute("tree", teams.tree());
        model.addAttribute("teams", teams.findAll());
        return "people/teams";
    }

    @GetMapping("/teams/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String team(@PathVariable long id, @RequestParam(required = false) Integer page, Model model) {
        Team team = teams.get(id);
        model.addAttribute("team", team);
        model.addAttribute("subteams", teams.findAll().stream().filter(t -> Long.valueOf(id).equals(t.parentId())).toList());
        model.addAttribute("members", people.search(new PersonQuery(null, id, null, null, true, null), PersonSort.NAME,
                paging.of(page, 50)));
        model.addAttribute("teams", teams.findAll().stream().filter(t -> t.id() != id).toList());
        return "people/team";
    }

    @PostMapping("/teams")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String create(@RequestParam String name, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        try {
            Team created = teams.create(new TeamDraft(name, parentId, description));
            redirect.addFlashAttribute("flashMessage", "The team '" + created.name() + "' was created.");
            return "redirect:/teams/" + created.id();
        } catch (ProblemException e) {
            redirect.addFlashAttribute("teamError", e.getMessage());
            return "redirect:/teams";
        }
    }

    @PostMapping("/teams/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String update(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) Long parentId,
            @RequestParam(required = false) String description, RedirectAttributes redirect) {
        try {
            teams.update(id, new TeamDraft(name, parentId, description));
            redirect.addFlashAttribute("flashMessage", "Saved.");
        } catch (ProblemException e) {
            redirect.addFlashAttribute("teamError", e.getMessage());
        }
        return "redirect:/teams/" + id;
    }

    @PostMapping("/teams/{id}/delete")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        try {
            teams.delete(id);
            redirect.addFlashAttribute("flashMessage", "The team was deleted.");
            return "redirect:/teams";
        } catch (ProblemException e) {
            redirect.addFlashAttribute("teamError", e.getMessage());
            return "redirect:/teams/" + id;
        }
    }
}
