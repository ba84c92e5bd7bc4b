package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Maintains the skills catalog; every change is audited. */
@Service
public class SkillService {

    static final String ENTITY = "SKILL";

    private final Skills skills;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    SkillService(Skills skills, AuditLog auditLog, InputValidator validator, Clock clock) {
        this.skills = skills;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Skill> catalog() {
        return skills.findAll();
    }

    @Transactional(readOnly = true)
    public Skill get(long id) {
        return skills.findById(id).orElseThrow(() -> new SkillNotFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Skill> findByName(String name) {
        return skills.findByName(name);
    }

    @Transactional
    public Skill create(SkillDraft draft) {
        SkillDraft skill = normalize(validator.validate(draft));
        checkName(skill, null);
        long id = skills.insert(skill, clock.instant());
        Skill created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public Skill update(long id, SkillDraft draft) {
        Skill before = get(id);
        SkillDraft skill = normalize(validator.validate(draft));
        checkName(skill, id);
        skills.update(id, skill, clock.instant());
        Skill after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    /** Deletes a skill that no assessment or learning record refers to. */
    @Transactional
    public void delete(long id) {
        Skill before = get(id);
        if (skills.dependents(id) > 0) {
            throw new ConflictException("SKILL_IN_USE",
                    "The skill '" + before.name() + "' has assessments or learning records and cannot be deleted.");
        }
        skills.delete(id);
        auditLog.append(AuditRecord.deleted(ENTITY, id, before));
    }

    private void checkName(SkillDraft skill, Long self) {
        skills.findByName(skill.name()).filter(s -> self == null || s.id() != self).ifPresent(s -> {
            throw new ConflictException("SKILL_NAME_TAKEN", "A skill named '" + skill.name() + "' already exists.");
        });
    }

    private static SkillDraft normalize(SkillDraft skill) {
        return new SkillDraft(skill.name().trim(), skill.category().trim(), PersonDraft.blankToNull(skill.description()));
    }

    static void checkNotFuture(String field, LocalDate date, Clock clock) {
        if (date.isAfter(LocalDate.now(clock))) {
            throw InvalidInputException.ofField(field, "must not be in the future");
        }
    }

}
