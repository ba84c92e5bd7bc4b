package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and lists learning records. A record is identified by person, course, date and status:
 * recording it again updates its score, skill, workflow and source instead of adding a row.
 */
@Service
public class LearningRecordService {

    static final String ENTITY = "LEARNING_RECORD";

    private final LearningRecords records;
    private final Persons persons;
    private final Skills skills;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    LearningRecordService(LearningRecords records, Persons persons, Skills skills, AuditLog auditLog,
            InputValidator validator, Clock clock) {
        this.records = records;
        this.persons = persons;
        this.skills = skills;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public Upserted<LearningRecord> record(NewLearningRecord record) {
        validator.validate(record);
        if (persons.findById(record.personId()).isEmpty()) {
            throw InvalidInputException.ofField("personId", "no person has the id " + record.personId());
        }
        if (record.skillId() != null && skills.findById(record.skillId()).isEmpty()) {
            throw InvalidInputException.ofField("skillId", "no skill has the id " + record.skillId());
        }
        SkillService.checkNotFuture("completedOn", record.completedOn(), clock);
        return upsert(normalize(record));
    }

    /** Records a learning record already validated by the caller (the CSV import). */
    Upserted<LearningRecord> upsert(NewLearningRecord record) {
        Optional<LearningRecord> existing = records.find(record.personId(), record.course(), record.completedOn(),
                record.status());
        if (existing.isEmpty()) {
            long id = records.insert(record, clock.instant());
            LearningRecord created = records.findById(id).orElseThrow();
            auditLog.append(AuditRecord.created(ENTITY, id, created));
            return new Upserted<>(created, Upserted.Outcome.CREATED);
        }
        LearningRecord before = existing.get();
        if (sameDetails(before, record)) {
            return new Upserted<>(before, Upserted.Outcome.UNCHANGED);
        }
        records.update(before.id(), record);
        LearningRecord after = records.findById(before.id()).orElseThrow();
        auditLog.append(AuditRecord.updated(ENTITY, before.id(), before, after));
        return new Upserted<>(after, Upserted.Outcome.UPDATED);
    }

    @Transactional(readOnly = true)
    public PageResult<LearningRecord> list(Long personId, LearningStatus status, String workflowKey, LocalDate from,
            LocalDate to, PageQuery page) {
        LearningRecords.Filter filter = new LearningRecords.Filter(personId, status, workflowKey, from, to);
        return PageResult.of(records.list(filter, page), page, records.count(filter));
    }

    /**
     * Of these persons, those with a completed enablement linked to the workflow up to
     * {@code asOf} (a completed or passed learning record with that workflow key).
     */
    @Transactional(readOnly = true)
    public java.util.Set<Long> trainedFor(String workflowKey, java.util.Collection<Long> personIds, LocalDate asOf) {
        return personIds.isEmpty() ? java.util.Set.of() : records.trainedFor(workflowKey, personIds, asOf);
    }

    /**
     * For each workflow key, those of its people with a completed or passed learning record linked
     * to the workflow by {@code asOf}: one read for many workflows.
     */
    @Transactional(readOnly = true)
    public java.util.Map<String, java.util.Set<Long>> trainedFor(
            java.util.Map<String, ? extends java.util.Collection<Long>> peopleByWorkflow, LocalDate asOf) {
        java.util.Map<String, java.util.Set<Long>> trained = new java.util.HashMap<>();
        if (peopleByWorkflow.isEmpty()) {
            return trained;
        }
        java.util.Map<String, java.util.Set<Long>> all = records.trainedByWorkflow(peopleByWorkflow.keySet(), asOf);
        peopleByWorkflow.forEach((key, people) -> {
            java.util.Set<Long> of = new java.util.HashSet<>(all.getOrDefault(key, java.util.Set.of()));
            of.retainAll(people instanceof java.util.Set<?> ? people : new java.util.HashSet<>(people));
            trained.put(key, of);
        });
        return trained;
    }

    private static boolean sameDetails(LearningRecord stored, NewLearningRecord record) {
        boolean sameScore = stored.score() == null ? record.score() == null
                : record.score() != null && stored.score().compareTo(record.score()) == 0;
        return sameScore && stored.course().equals(record.course()) && Objects.equals(stored.skillId(), record.skillId())
                && Objects.equals(stored.workflowKey(), record.workflowKey()) && stored.source().equals(record.source());
    }

    static NewLearningRecord normalize(NewLearningRecord record) {
        return new NewLearningRecord(record.personId(), record.course().trim(), record.skillId(), record.status(),
                record.score(), record.completedOn(), PersonDraft.blankToNull(record.workflowKey()),
                record.source().trim());
    }
}
