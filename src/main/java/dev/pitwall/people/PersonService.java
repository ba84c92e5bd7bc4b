package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import dev.pitwall.platform.web.PageResult;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Finds, creates and updates persons; every change is audited. */
@Service
public class PersonService {

    static final String ENTITY = "PERSON";

    private final Persons persons;
    private final Teams teams;
    private final AuditLog auditLog;
    private final InputValidator validator;
    private final Clock clock;

    PersonService(Persons persons, Teams teams, AuditLog auditLog, InputValidator validator, Clock clock) {
        this.persons = persons;
        this.teams = teams;
        this.auditLog = auditLog;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<Person> search(PersonQuery query, PersonSort sort, PageQuery page) {
        return PageResult.of(persons.search(query, sort, page), page, persons.count(query));
    }

    @Transactional(readOnly = true)
    public Person get(long id) {
        return persons.findById(id).orElseThrow(() -> new PersonNotFound(id));
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByEmail(String email) {
        return persons.findByEmail(email.trim());
    }

    @Transactional(readOnly = true)
    public Optional<Person> findByExternalId(String externalId) {
        return persons.findByExternalId(externalId.trim());
    }

    /** The persons with these emails (any case) that exist, by lower-case email. */
    @Transactional(readOnly = true)
    public Map<String, Person> findByEmails(Collection<String> emails) {
        return persons.findByEmails(emails.stream().map(e -> e.trim().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    /** The persons with these external ids that exist, by external id. */
    @Transactional(readOnly = true)
    public Map<String, Person> findByExternalIds(Collection<String> externalIds) {
        return persons.findByExternalIds(externalIds.stream().map(String::trim).toList());
    }

    /**
     * The ids of the persons with these emails (matched without regard to case) or external ids,
     * by the reference as given: one light query per kind, for resolving telemetry in bulk.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> idsByEmailOrExternalId(Collection<String> references) {
        Map<String, String> emails = new java.util.HashMap<>();
        List<String> externalIds = new java.util.ArrayList<>();
        for (String reference : references) {
            if (reference.contains("@")) {
                emails.put(reference.trim().toLowerCase(java.util.Locale.ROOT), reference);
            } else {
                externalIds.add(reference.trim());
            }
        }
        Map<String, Long> ids = new java.util.HashMap<>();
        persons.idsBy("email", emails.keySet()).forEach((email, id) -> ids.put(emails.get(email), id));
        Map<String, Long> byExternalId = persons.idsBy("external_id", externalIds);
        for (String reference : references) {
            if (!reference.contains("@") && byExternalId.containsKey(reference.trim())) {
                ids.put(reference, byExternalId.get(reference.trim()));
            }
        }
        return ids;
    }

    /** The persons with these ids that exist, in no particular order. */
    @Transactional(readOnly = true)
    public List<Person> findAllById(Collection<Long> ids) {
        return persons.findByIds(ids);
    }

    /**
     * Every person's team, level, tier and activity at the end of {@code day}, from the history
     * kept with every change (see docs/metrics.md, "What as of means").
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, PersonState> statesOn(java.time.LocalDate day) {
        return persons.statesOn(day);
    }

    @Transactional(readOnly = true)
    public List<Person> directReports(long managerId) {
        PersonQuery reports = new PersonQuery(null, null, null, null, null, managerId);
        return persons.search(reports, PersonSort.NAME, new PageQuery(0, 10_000));
    }

    @Transactional
    public Person create(PersonDraft draft) {
        PersonDraft person = validator.validate(draft).normalized().withActiveDefault(true);
        checkUnique(person, null);
        checkReferences(person, null);
        long id = persons.insert(person, clock.instant());
        Person created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    @Transactional
    public Person update(long id, PersonDraft draft) {
        Person before = get(id);
        PersonDraft person = validator.validate(draft).normalized().withActiveDefault(before.active());
        checkUnique(person, id);
        checkReferences(person, id);
        persons.update(id, person, clock.instant());
        Person after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        return after;
    }

    private void checkUnique(PersonDraft person, Long self) {
        persons.findByEmail(person.email()).filter(p -> p.id() != nullSafe(self))
                .ifPresent(p -> {
                    throw new ConflictException("EMAIL_TAKEN", "Another person already has the email " + person.email() + ".");
                });
        if (person.externalId() != null) {
            persons.findByExternalId(person.externalId()).filter(p -> p.id() != nullSafe(self)).ifPresent(p -> {
                throw new ConflictException("EXTERNAL_ID_TAKEN",
                        "Another person already has the external id " + person.externalId() + ".");
            });
        }
    }

    private void checkReferences(PersonDraft person, Long self) {
        if (person.teamId() != null && teams.findById(person.teamId()).isEmpty()) {
            throw InvalidInputException.ofField("teamId", "no team has the id " + person.teamId());
        }
        if (person.managerId() == null) {
            return;
        }
        if (persons.findById(person.managerId()).isEmpty()) {
            throw InvalidInputException.ofField("managerId", "no person has the id " + person.managerId());
        }
        Map<Long, Long> managerOf = persons.managerOfAll();
        if (self != null && ManagementChain.wouldCycle(self, person.managerId(), managerOf)) {
            throw InvalidInputException.ofField("managerId", "would make the person (indirectly) their own manager");
        }
    }

    private static long nullSafe(Long id) {
        return id == null ? -1 : id;
    }
}
