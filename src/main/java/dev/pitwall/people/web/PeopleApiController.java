package dev.pitwall.people.web;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.PersonQuery;
import dev.pitwall.people.PersonService;
import dev.pitwall.people.PersonSort;
import dev.pitwall.people.SkillAssessment;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.Tier;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/people")
@Tag(name = "People", description = "The people directory")
class PeopleApiController {

    private final PersonService people;
    private final SkillAssessmentService assessments;
    private final Paging paging;

    PeopleApiController(PersonService people, SkillAssessmentService assessments, Paging paging) {
        this.people = people;
        this.assessments = assessments;
        this.paging = paging;
    }

    @GetMapping
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Search the directory", description = "Filters combine; `q` matches name, email, title and external id.")
    PageResult<Person> search(@RequestParam(required = false) String q, @RequestParam(required = false) Long team,
            @RequestParam(required = false) Level level, @RequestParam(required = false) Tier tier,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) Long manager,
            @Parameter(description = "name (default), email, team, title, level or tier")
            @RequestParam(defaultValue = "NAME") PersonSort sort,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return people.search(new PersonQuery(q, team, level, tier, active, manager), sort, paging.of(page, size));
    }

    @GetMapping("/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Get a person")
    Person get(@PathVariable long id) {
        return people.get(id);
    }

    @GetMapping("/{id}/reports")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "A person's direct reports")
    List<Person> reports(@PathVariable long id) {
        people.get(id);
        return people.directReports(id);
    }

    @GetMapping("/{id}/skills")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "A person's current skills", description = "The most recent assessment of each skill.")
    List<SkillAssessment> skills(@PathVariable long id) {
        people.get(id);
        return assessments.currentOf(id);
    }

    @PostMapping
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Add a person", description = "409 EMAIL_TAKEN or EXTERNAL_ID_TAKEN when not unique.")
    ResponseEntity<Person> create(@RequestBody PersonDraft draft) {
        Person created = people.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/people/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Update a person", description = "People are never deleted; set `active` to false when they leave.")
    Person update(@PathVariable long id, @RequestBody PersonDraft draft) {
        return people.update(id, draft);
    }
}
