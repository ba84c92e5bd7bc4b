package dev.pitwall.people.web;

import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.TeamService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.Paging;
import dev.pitwall.platform.web.ProblemException;
import dev.pitwall.platform.web.Violation;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The directory pages: search with filters and paging, a person's page, and the person form. */
@Controller
class PeoplePageController {

    private final PersonService people;
    private final TeamService teams;
    private final SkillAssessmentService assessments;
    private final LearningRecordService learning;
    private final Paging paging;

    PeoplePageController(PersonService people, TeamService teams, SkillAssessmentService assessments,
            LearningRecordService learning, Paging paging) {
        this.people = people;
        this.teams = teams;
        this.assessments = assessments;
        this.learning = learning;
        this.paging = paging;
    }

    @ModelAttribute
    void choices(Model model) {
        model.addAttribute("levels", Level.values());
        model.addAttribute("tiers", Tier.values());
    }

    @GetMapping("/people")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Level level, @RequestParam(required = false) Tier tier,
            @RequestParam(required = false, defaultValue = "true") Boolean active,
            @RequestParam(required = false) Integer page,
            @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
        PersonQuery query = new PersonQuery(q, team, level, tier, active, null);
        model.addAttribute("result", people.search(query, PersonSort.NAME, paging.of(page, 50)));
        model.addAttribute("query", query);
        model.addAttribute("teams", teams.findAll());
        return htmx != null ? "people/list :: results" : "people/list";
    }

    @GetMapping("/people/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    String person(@PathVariable long id, Model model) {
        Person person = people.get(id);
        model.addAttribute("person", person);
        model.addAttribute("reports", people.directReports(id));
        model.addAttribute("skills", assessments.currentOf(id));
        model.addAttribute("assessments", assessments.list(id, null, null, null, new PageQuery(0, 100)));
        model.addAttribute("learning", learning.list(id, null, null, null, null, new PageQuery(0, 100)));
        return "people/person";
    }

    @GetMapping("/people/new")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String newPerson(Model model) {
        return form(model, PersonForm.empty(), null);
    }

    @GetMapping("/people/{id}/edit")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String edit(@PathVariable long id, Model model) {
        Person person = people.get(id);
        String managerEmail = person.managerId() == null ? "" : people.get(person.managerId()).email();
        return form(model, PersonForm.of(person, managerEmail), person);
    }

    @PostMapping("/people/new")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String create(@ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        if (binding.hasErrors()) {
            model.addAttribute("problem", bindingProblem(binding));
            return form(model, form, null);
        }
        try {
            Person created = people.create(form.toDraft(managerId(form)));
            redirect.addFlashAttribute("flashMessage", created.name() + " was added to the directory.");
            return "redirect:/people/" + created.id();
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return form(model, form, null);
        }
    }

    @PostMapping("/people/{id}/edit")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    String update(@PathVariable long id, @ModelAttribute("form") PersonForm form, BindingResult binding, Model model,
            RedirectAttributes redirect) {
        Person person = people.get(id);
        if (binding.hasErrors()) {
            model.addAttribute("problem", bindingProblem(binding));
            return form(model, form, person);
        }
        try {
            people.update(id, form.toDraft(managerId(form)));
            redirect.addFlashAttribute("flashMessage", "Saved.");
            return "redirect:/people/" + id;
        } catch (ProblemException e) {
            model.addAttribute("problem", e);
            return form(model, form, person);
        }
    }

    private Long managerId(PersonForm form) {
        if (form.managerEmail() == null || form.managerEmail().isBlank()) {
            return null;
        }
        return people.findByEmail(form.managerEmail()).map(Person::id).orElseThrow(() ->
                new InvalidInputException("No person has this manager email.",
                        java.util.List.of(Violation.ofField("managerEmail",
                                "no person has the email " + form.managerEmail()))));
    }

    /** Form values that could not even be converted (a team id that is not a number...). */
    private static InvalidInputException bindingProblem(BindingResult binding) {
        return new InvalidInputException("Some fields could not be read.", binding.getFieldErrors().stream()
                .map(error -> Violation.ofField(error.getField(), "'" + error.getRejectedValue() + "' is not a valid value"))
                .toList());
    }

    private String form(Model model, PersonForm form, Person person) {
        model.addAttribute("form", form);
        model.addAttribute("person", person);
        model.addAttribute("teams", teams.findAll());
        return "people/form";
    }
}
