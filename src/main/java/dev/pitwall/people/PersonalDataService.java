package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditEntry;
import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditQuery;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.privacy.PersonalDataScan;
import dev.pitwall.platform.privacy.Pseudonyms;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InvalidInputException;
import dev.pitwall.platform.web.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's rights over their data (docs/privacy.md): the access request (everything Pitwall
 * holds about them, as JSON) and erasure (their identity replaced by their pseudonym everywhere,
 * while every figure stays what it was, because the person stays as a pseudonymous member of their
 * team with their level, tier and history).
 */
@Service
public class PersonalDataService {

    /** The domain of erased people's email addresses (reserved, RFC 2606: it can reach nobody). */
    public static final String ERASED_DOMAIN = "erased.invalid";
    /** A name shorter than this (and of one word) is only replaced in the person's own records. */
    static final int SHORTEST_NAME_REPLACED_EVERYWHERE = 8;

    private final PersonService people;
    private final PersonalDataScan scan;
    private final Pseudonyms pseudonyms;
    private final AuditLog auditLog;
    private final UserService users;
    private final JdbcClient jdbc;
    private final Clock clock;

    PersonalDataService(PersonService people, PersonalDataScan scan, Pseudonyms pseudonyms, AuditLog auditLog,
            UserService users, JdbcClient jdbc, Clock clock) {
        this.people = people;
        this.scan = scan;
        this.pseudonyms = pseudonyms;
        this.auditLog = auditLog;
        this.users = users;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What an erasure did.
     *
     * @param pseudonym what the person is called now
     * @param valuesChanged values that held their name, email or external id, by table
     * @param auditEntriesRedacted entries of the audit log redacted
     */
    public record Erased(long personId, String pseudonym, Map<String, Integer> valuesChanged, int auditEntriesRedacted,
            Instant erasedAt) {
    }

    /** What the audit log records of an access request (nothing of its content). */
    record AccessRequest(long personId, int tables, int rows) {
    }

    /**
     * Erases the person's identity. {@code confirmation} must be their email, so that nobody erases
     * the wrong person by a slip of the id.
     */
    @Transactional
    public Erased erase(long personId, String confirmation) {
        Person person = people.get(personId);
        if (person.email().endsWith("@" + ERASED_DOMAIN)) {
            throw new ConflictException("ALREADY_ERASED", "This person was already erased.");
        }
        if (confirmation == null || !confirmation.trim().equalsIgnoreCase(person.email())) {
            throw InvalidInputException.ofField("confirm", "must be the person's email, to confirm the erasure");
        }
        String pseudonym = pseudonyms.of(personId);
        String erasedEmail = pseudonym.toLowerCase(Locale.ROOT) + "@" + ERASED_DOMAIN;
        users.setEnabledOfUsersWithEmail(person.email(), false);
        jdbc.sql("UPDATE people_person SET email = ?, name = ?, external_id = NULL, title = NULL WHERE id = ?")
                .params(erasedEmail, pseudonym, personId).update();
        jdbc.sql("DELETE FROM people_scim_user WHERE person_id = ?").param(personId).update();

        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(person.email(), erasedEmail);
        boolean distinctiveName = person.name().length() >= SHORTEST_NAME_REPLACED_EVERYWHERE
                || person.name().trim().contains(" ");
        if (distinctiveName) {
            texts.put(person.name(), pseudonym);
        }
        Map<String, Integer> changed = new LinkedHashMap<>(scan.replaceEverywhere(texts));
        if (person.externalId() != null) {
            scan.replaceExactEverywhere(Map.of(person.externalId(), pseudonym))
                    .forEach((table, n) -> changed.merge(table, n, Integer::sum));
        }
        List<AuditLog.Redaction> redactions = new ArrayList<>();
        texts.forEach((text, replacement) -> redactions.add(new AuditLog.Redaction(text, replacement)));
        if (!distinctiveName) {
            // A short name is taken out of the audit log only where it is a whole JSON value (the
            // person's own records), as elsewhere: "Li" must not vanish from "Linked".
            redactions.add(new AuditLog.Redaction("\"" + person.name() + "\"", "\"" + pseudonym + "\""));
        }
        if (person.externalId() != null) {
            redactions.add(new AuditLog.Redaction("\"" + person.externalId() + "\"", "\"" + pseudonym + "\""));
        }
        int redacted = auditLog.redact("PERSON", personId, "person " + personId + ", now " + pseudonym, redactions);
        return new Erased(personId, pseudonym, changed, redacted, clock.instant());
    }

    /**
     * Everything held about the person: their directory record, every row of every table that
     * refers to them by id or holds their email or external id, and the audit log's entries about
     * them. The request itself is audited.
     */
    @Transactional
    public Map<String, Object> accessRequest(long personId) {
        Person person = people.get(personId);
        Map<String, List<Map<String, Object>>> rows = new LinkedHashMap<>(scan.rowsOfPerson(personId));
        List<String> texts = new ArrayList<>(List.of(person.email()));
        if (person.externalId() != null) {
            texts.add(person.externalId());
        }
        scan.rowsHolding(texts).forEach((table, found) -> rows.merge(table, found, (a, b) -> {
            List<Map<String, Object>> merged = new ArrayList<>(a);
            b.stream().filter(row -> !a.contains(row)).forEach(merged::add);
            return merged;
        }));
        List<AuditEntry> audit = auditLog.find(new AuditQuery(PersonService.ENTITY, String.valueOf(personId), null, null,
                null, null), new PageQuery(0, 10_000)).content();
        int count = rows.values().stream().mapToInt(List::size).sum();
        auditLog.append(AuditRecord.created("ACCESS_REQUEST", personId,
                new AccessRequest(personId, rows.size(), count)));
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("person", person);
        export.put("pseudonym", pseudonyms.of(personId));
        export.put("exportedAt", clock.instant());
        export.put("about", "Everything Pitwall holds about this person: every row that refers to them by id or "
                + "holds their email or external id, by table, and the audit log's entries about them.");
        export.put("tables", rows);
        export.put("auditEntries", audit);
        return export;
    }
}
