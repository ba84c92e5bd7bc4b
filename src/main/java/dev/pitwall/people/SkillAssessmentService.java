package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and lists skill assessments. An assessment is identified by person, skill, date and
 * source: recording the same one again with another level corrects it rather than adding a row.
 */
@Service
public class SkillAssessmentService {

    static final String ENTITY = "SKILL_ASSESSMENT";

    private final SkillAssessments assessments;
    private final Persons persons;
    private final Skills skills;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    SkillAssessmentService(SkillAssessments assessments, Persons persons, Skills skills, AuditLog auditLog,
            InputValidator validator, Clock clock) {
        this.assessments = assessments;
        this.persons = persons;
        this.skills = skills;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public Upserted<SkillAssessment> record(NewSkillAssessment assessment) {
        validator.validate(assessment);
        if (persons.findById(assessment.personId()).isEmpty()) {
            throw InvalidInputException.ofField("personId", "no person has the id " + assessment.personId());
        }
        if (skills.findById(assessment.skillId()).isEmpty()) {
            throw InvalidInputException.ofField("skillId", "no skill has the id " + assessment.skillId());
        }
        SkillService.checkNotFuture("assessedOn", assessment.assessedOn(), clock);
        return upsert(normalize(assessment));
    }

    /** Records assessments already validated by the caller (the CSV import). */
    Upserted<SkillAssessment> upsert(NewSkillAssessment assessment) {
        Optional<SkillAssessment> existing = assessments.find(assessment.personId(), assessment.skillId(),
                assessment.assessedOn(), assessment.source());
        if (existing.isEmpty()) {
            long id = assessments.insert(assessment, clock.instant());
            SkillAssessment created = assessments.findById(id).orElseThrow();
            auditLog.append(AuditRecord.created(ENTITY, id, created));
            return new Upserted<>(created, Upserted.Outcome.CREATED);
        }
        SkillAssessment before = existing.get();
        if (before.level() == assessment.level().intValue()) {
            return new Upserted<>(before, Upserted.Outcome.UNCHANGED);
        }
        assessments.updateLevel(before.id(), assessment.level());
        SkillAssessment after = assessments.findById(before.id()).orElseThrow();
        auditLog.append(AuditRecord.updated(ENTITY, before.id(), before, after));
        return new Upserted<>(after, Upserted.Outcome.UPDATED);
    }

    @Transactional(readOnly = true)
    public PageResult<SkillAssessment> list(Long personId, Long skillId, LocalDate from, LocalDate to,
            PageQuery page) {
        SkillAssessments.Filter filter = new SkillAssessments.Filter(personId, skillId, from, to);
        return PageResult.of(assessments.list(filter, page), page, assessments.count(filter));
    }

    /** Each skill's most recent assessment of the person: their current skill profile. */
    @Transactional(readOnly = true)
    public List<SkillAssessment> currentOf(long personId) {
        return assessments.latestOf(personId);
    }

    /**
     * The skill levels of these persons on {@code asOf}: for each person and skill, the level of
     * the latest assessment on or before that date. A person or skill never assessed is absent.
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, java.util.Map<Long, Integer>> levelsAsOf(java.util.Collection<Long> personIds,
            LocalDate asOf) {
        return personIds.isEmpty() ? java.util.Map.of() : assessments.levelsAsOf(personIds, asOf);
    }

    /** Every assessment of these persons, to ask {@link #levelsAsOf} and {@link #firstAssessedOn} of many sets of them. */
    @Transactional(readOnly = true)
    public SkillHistory historyOf(java.util.Collection<Long> personIds) {
        return personIds.isEmpty() ? new SkillHistory.Builder(List.of()).build() : assessments.historyOf(personIds);
    }

    /** The day the first assessment of any of these skills of any of these persons was made, if any. */
    @Transactional(readOnly = true)
    public java.util.Optional<LocalDate> firstAssessedOn(java.util.Collection<Long> personIds,
            java.util.Collection<Long> skillIds) {
        return personIds.isEmpty() || skillIds.isEmpty() ? java.util.Optional.empty()
                : assessments.firstAssessedOn(personIds, skillIds);
    }

    static NewSkillAssessment normalize(NewSkillAssessment assessment) {
        return new NewSkillAssessment(assessment.personId(), assessment.skillId(), assessment.level(),
                assessment.assessedOn(), assessment.source().trim());
    }
}
