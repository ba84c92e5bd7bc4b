package dev.pitwall.people.web;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.TeamService;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageQuery;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Suggestions for the person pickers of the forms (search as you type): the active people whose
 * name, email, title or external id contain what was typed, for the signed-in browser session.
 */
@RestController
class PersonSuggestionController {

    /** Enough to choose from while typing; the picker narrows as more is typed. */
    private static final int LIMIT = 12;

    private final PersonService people;
    private final TeamService teams;

    PersonSuggestionController(PersonService people, TeamService teams) {
        this.people = people;
        this.teams = teams;
    }

    /**
     * One suggestion.
     *
     * @param email what the form field takes
     * @param label who it is, to recognize them: name, title and team
     */
    record Suggestion(String email, String label) {
    }

    @GetMapping("/people/suggestions")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    List<Suggestion> suggest(@RequestParam(defaultValue = "") String q) {
        String text = q.strip();
        if (text.length() < 2 || text.length() > 200) {
            return List.of();
        }
        List<Person> found = people.search(new PersonQuery(text, null, null, null, true, null), PersonSort.NAME,
                new PageQuery(0, LIMIT)).content();
        Map<Long, String> teamNames = teams.findAll().stream()
                .collect(Collectors.toMap(t -> t.id(), t -> t.name(), (a, b) -> a));
        return found.stream().filter(p -> p.email() != null).map(p -> new Suggestion(p.email(),
                p.name() + (p.title() == null ? "" : ", " + p.title())
                        + (p.teamId() == null ? "" : " (" + teamNames.getOrDefault(p.teamId(), "") + ")"))).toList();
    }
}
