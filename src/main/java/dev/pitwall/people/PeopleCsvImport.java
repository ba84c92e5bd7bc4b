package dev.pitwall.people;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import dev.pitwall.platform.web.Violation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Upserts persons from CSV by email. Columns absent from the header leave existing values as they
 * are; a present but empty optional column (title, external id, team, manager) clears it. Unknown
 * teams are created. Nothing is written unless every line is valid.
 */
@Component
class PeopleCsvImport {

    static final Set<String> COLUMNS = Set.of("email", "name", "external_id", "title", "team", "manager_email",
            "level", "tier", "active");

    /** One valid line: the values it sets ({@code null} = not set by the file). */
    private record PersonRow(int line, String email, String name, String externalId, String title, String team,
            String managerEmail, Level level, Tier tier, Boolean active) {
    }

    private final Persons persons;
    private final TeamService teams;
    private final AuditLog auditLog;
    private final Clock clock;

    PeopleCsvImport(Persons persons, TeamService teams, AuditLog auditLog, Clock clock) {
        this.persons = persons;
        this.teams = teams;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    ImportResult run(CsvDocument document) {
        List<Violation> violations = new ArrayList<>();
        List<PersonRow> rows = parse(document, violations);
        Map<String, Person> existing = persons.findByEmails(rows.stream().map(PersonRow::email).toList());
        checkAgainstDirectory(document, rows, existing, violations);
        CsvImports.rejectIfAny(violations);

        List<String> teamsCreated = new ArrayList<>();
        Map<String, Long> teamIds = resolveTeams(rows, teamsCreated);
        Map<String, Long> ids = new HashMap<>();
        existing.forEach((email, person) -> ids.put(email, person.id()));
        for (PersonRow row : rows) {
            Person current = existing.get(row.email());
            PersonDraft draft = merge(document, row, current, teamIds, current == null ? null : current.managerId());
            if (current == null) {
                ids.put(row.email(), persons.insert(draft, clock.instant()));
            } else if (!sameAs(current, draft)) {
                persons.update(current.id(), draft, clock.instant());
            }
        }
        if (document.hasColumn("manager_email")) {
            assignManagers(rows, ids);
        }
        return audit(document, rows, existing, ids, teamsCreated);
    }

    private List<PersonRow> parse(CsvDocument document, List<Violation> violations) {
        LocalDate today = LocalDate.now(clock);
        Map<String, Integer> emailLines = new HashMap<>();
        Map<String, Integer> externalIdLines = new HashMap<>();
        List<PersonRow> rows = new ArrayList<>();
        for (CsvRow csv : document.rows()) {
            int before = violations.size();
            CsvFields f = new CsvFields(csv, violations, today);
            String email = f.email("email", true);
            String externalId = f.text("external_id", 200, false);
            PersonRow row = new PersonRow(csv.line(), email, f.text("name", 200, false), externalId,
                    f.text("title", 200, false), f.text("team", 200, false), f.email("manager_email", false),
                    f.choice("level", Level.class, false), f.choice("tier", Tier.class, false), f.bool("active"));
            CsvImports.checkRepeat(f, "email", email, emailLines);
            CsvImports.checkRepeat(f, "external_id", externalId, externalIdLines);
            if (email != null && email.equals(row.managerEmail())) {
                f.fail("manager_email", "a person cannot be their own manager");
            }
            if (violations.size() == before) {
                rows.add(row);
            }
        }
        return rows;
    }

    private void checkAgainstDirectory(CsvDocument document, List<PersonRow> rows, Map<String, Person> existing,
            List<Violation> violations) {
        Map<String, PersonRow> byEmail = new LinkedHashMap<>();
        rows.forEach(r -> byEmail.put(r.email(), r));
        Map<String, Person> holders = persons.findByExternalIds(
                rows.stream().map(PersonRow::externalId).filter(Objects::nonNull).toList());
        List<String> managerEmails = rows.stream().map(PersonRow::managerEmail).filter(Objects::nonNull).toList();
        Map<String, Person> managers = persons.findByEmails(managerEmails);
        for (PersonRow row : rows) {
            if (!existing.containsKey(row.email()) && row.name() == null) {
                violations.add(Violation.ofLine(row.line(), "name", "is required for a new person"));
            }
            Person holder = row.externalId() == null ? null : holders.get(row.externalId());
            if (holder != null && !holder.email().equals(row.email()) && !releasedInFile(holder, byEmail)) {
                violations.add(Violation.ofLine(row.line(), "external_id",
                        "'" + row.externalId() + "' already belongs to " + holder.email()));
            }
            if (row.managerEmail() != null && !byEmail.containsKey(row.managerEmail())
                    && !managers.containsKey(row.managerEmail())) {
                violations.add(Violation.ofLine(row.line(), "manager_email",
                        "no person has the email " + row.managerEmail() + " in the directory or in this file"));
            }
        }
        if (document.hasColumn("manager_email")) {
            checkCycles(rows, existing, violations);
        }
    }

    /** Whether the file gives the current holder of an external id another one. */
    private static boolean releasedInFile(Person holder, Map<String, PersonRow> byEmail) {
        PersonRow row = byEmail.get(holder.email());
        return row != null && !Objects.equals(row.externalId(), holder.externalId());
    }

    private void checkCycles(List<PersonRow> rows, Map<String, Person> existing, List<Violation> violations) {
        Map<Long, Long> managerOf = persons.managerOfAll();
        Map<String, Long> pseudoIds = new HashMap<>();
        existing.forEach((email, p) -> pseudoIds.put(email, p.id()));
        long next = -1;
        for (PersonRow row : rows) {
            if (!pseudoIds.containsKey(row.email())) {
                pseudoIds.put(row.email(), next--);
            }
        }
        Map<String, Person> managers = persons.findByEmails(
                rows.stream().map(PersonRow::managerEmail).filter(Objects::nonNull).toList());
        managers.forEach((email, p) -> pseudoIds.putIfAbsent(email, p.id()));
        for (PersonRow row : rows) {
            Long self = pseudoIds.get(row.email());
            managerOf.remove(self);
            if (row.managerEmail() != null) {
                managerOf.put(self, pseudoIds.get(row.managerEmail()));
            }
        }
        for (PersonRow row : rows) {
            Long self = pseudoIds.get(row.email());
            if (ManagementChain.wouldCycle(self, managerOf.get(self), managerOf)) {
                violations.add(Violation.ofLine(row.line(), "manager_email",
                        "makes " + row.email() + " (indirectly) their own manager"));
            }
        }
    }

    private Map<String, Long> resolveTeams(List<PersonRow> rows, List<String> teamsCreated) {
        Map<String, Long> ids = new HashMap<>();
        for (PersonRow row : rows) {
            if (row.team() == null || ids.containsKey(Teams.key(row.team()))) {
                continue;
            }
            Team team = teams.findByName(row.team()).orElseGet(() -> {
                teamsCreated.add(row.team());
                return teams.create(new TeamDraft(row.team(), null, null));
            });
            ids.put(Teams.key(row.team()), team.id());
        }
        return ids;
    }

    private static PersonDraft merge(CsvDocument document, PersonRow row, Person current, Map<String, Long> teamIds,
            Long managerId) {
        boolean isNew = current == null;
        return new PersonDraft(row.email(),
                document.hasColumn("external_id") ? row.externalId() : isNew ? null : current.externalId(),
                row.name() != null ? row.name() : current.name(),
                document.hasColumn("title") ? row.title() : isNew ? null : current.title(),
                document.hasColumn("team") ? (row.team() == null ? null : teamIds.get(Teams.key(row.team())))
                        : isNew ? null : current.teamId(),
                managerId,
                row.level() != null ? row.level() : isNew ? Level.PRACTITIONER : current.level(),
                row.tier() != null ? row.tier() : isNew ? Tier.CONSUMER : current.tier(),
                row.active() != null ? row.active() : isNew || current.active());
    }

    private void assignManagers(List<PersonRow> rows, Map<String, Long> ids) {
        Map<String, Person> managers = persons.findByEmails(
                rows.stream().map(PersonRow::managerEmail).filter(Objects::nonNull).toList());
        Map<Long, Person> byId = new HashMap<>();
        persons.findByIds(rows.stream().map(r -> ids.get(r.email())).toList()).forEach(p -> byId.put(p.id(), p));
        for (PersonRow row : rows) {
            Long managerId = row.managerEmail() == null ? null
                    : ids.containsKey(row.managerEmail()) ? ids.get(row.managerEmail()) : managers.get(row.managerEmail()).id();
            Person person = byId.get(ids.get(row.email()));
            if (!Objects.equals(person.managerId(), managerId)) {
                PersonDraft draft = new PersonDraft(person.email(), person.externalId(), person.name(), person.title(),
                        person.teamId(), managerId, person.level(), person.tier(), person.active());
                persons.update(person.id(), draft, clock.instant());
            }
        }
    }

    private ImportResult audit(CsvDocument document, List<PersonRow> rows, Map<String, Person> existing,
            Map<String, Long> ids, List<String> teamsCreated) {
        List<Long> touched = rows.stream().map(r -> ids.get(r.email())).toList();
        Map<Long, Person> after = new HashMap<>();
        persons.findByIds(touched).forEach(p -> after.put(p.id(), p));
        List<AuditRecord> records = new ArrayList<>();
        int created = 0;
        int updated = 0;
        for (PersonRow row : rows) {
            Person before = existing.get(row.email());
            Person now = after.get(ids.get(row.email()));
            if (before == null) {
                created++;
                records.add(AuditRecord.created(PersonService.ENTITY, now.id(), now));
            } else if (!before.equals(now)) {
                updated++;
                records.add(AuditRecord.updated(PersonService.ENTITY, now.id(), before, now));
            }
        }
        auditLog.appendAll(records);
        return new ImportResult(rows.size(), created, updated, rows.size() - created - updated, teamsCreated,
                document.ignoredColumns());
    }

    private static boolean sameAs(Person current, PersonDraft draft) {
        return Objects.equals(current.externalId(), draft.externalId()) && current.name().equals(draft.name())
                && Objects.equals(current.title(), draft.title()) && Objects.equals(current.teamId(), draft.teamId())
                && Objects.equals(current.managerId(), draft.managerId()) && current.level() == draft.level()
                && current.tier() == draft.tier() && current.active() == draft.active().booleanValue();
    }
}
