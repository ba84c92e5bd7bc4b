package dev.pitwall.people.web;

import dev.pitwall.people.LearningRecord;
import dev.pitwall.people.LearningRecordService;
import dev.pitwall.people.LearningStatus;
import dev.pitwall.people.NewLearningRecord;
import dev.pitwall.people.NewSkillAssessment;
import dev.pitwall.people.Skill;
import dev.pitwall.people.SkillAssessment;
import dev.pitwall.people.SkillAssessmentService;
import dev.pitwall.people.SkillDraft;
import dev.pitwall.people.SkillService;
import dev.pitwall.people.Upserted;
import dev.pitwall.platform.security.Permission;
import dev.pitwall.platform.web.PageResult;
import dev.pitwall.platform.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Skills", description = "The skills catalog, skill assessments and learning records")
class SkillApiController {

    private final SkillService skills;
    private final SkillAssessmentService assessments;
    private final LearningRecordService learning;
    private final Paging paging;

    SkillApiController(SkillService skills, SkillAssessmentService assessments, LearningRecordService learning,
            Paging paging) {
        this.skills = skills;
        this.assessments = assessments;
        this.learning = learning;
        this.paging = paging;
    }

    @GetMapping("/skills")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "The skills catalog")
    List<Skill> catalog() {
        return skills.catalog();
    }

    @GetMapping("/skills/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "Get a skill")
    Skill get(@PathVariable long id) {
        return skills.get(id);
    }

    @PostMapping("/skills")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Add a skill to the catalog")
    ResponseEntity<Skill> create(@RequestBody SkillDraft draft) {
        Skill created = skills.create(draft);
        return ResponseEntity.created(URI.create("/api/v1/skills/" + created.id())).body(created);
    }

    @PutMapping("/skills/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Rename, recategorize or describe a skill")
    Skill update(@PathVariable long id, @RequestBody SkillDraft draft) {
        return skills.update(id, draft);
    }

    @DeleteMapping("/skills/{id}")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Delete an unused skill", description = "409 SKILL_IN_USE when assessments or learning records refer to it.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        skills.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/skill-assessments")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "List skill assessments", description = "Newest first; dates are inclusive.")
    PageResult<SkillAssessment> listAssessments(@RequestParam(required = false) Long person,
            @RequestParam(required = false) Long skill, @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return assessments.list(person, skill, from, to, paging.of(page, size));
    }

    @PostMapping("/skill-assessments")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Record a skill assessment",
            description = "201 when new; 200 when it replaced the level of the same person, skill, date and source.")
    ResponseEntity<SkillAssessment> recordAssessment(@RequestBody NewSkillAssessment assessment) {
        return respond(assessments.record(assessment), "/api/v1/skill-assessments?person=" + assessment.personId());
    }

    @GetMapping("/learning-records")
    @PreAuthorize(Permission.Checks.DIRECTORY_READ)
    @Operation(summary = "List learning records", description = "Newest first; dates are inclusive.")
    PageResult<LearningRecord> listLearning(@RequestParam(required = false) Long person,
            @RequestParam(required = false) LearningStatus status, @RequestParam(required = false) String workflow,
            @RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return learning.list(person, status, workflow, from, to, paging.of(page, size));
    }

    @PostMapping("/learning-records")
    @PreAuthorize(Permission.Checks.DIRECTORY_WRITE)
    @Operation(summary = "Record a learning record",
            description = "201 when new; 200 when it updated the record of the same person, course, date and status.")
    ResponseEntity<LearningRecord> recordLearning(@RequestBody NewLearningRecord record) {
        return respond(learning.record(record), "/api/v1/learning-records?person=" + record.personId());
    }

    private static <T> ResponseEntity<T> respond(Upserted<T> result, String location) {
        if (result.outcome() == Upserted.Outcome.CREATED) {
            return ResponseEntity.created(URI.create(location)).body(result.value());
        }
        return ResponseEntity.status(HttpStatus.OK).body(result.value());
    }
}
