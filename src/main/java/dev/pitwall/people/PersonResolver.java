package dev.pitwall.people;

import dev.pitwall.platform.csv.CsvDocument;
import dev.pitwall.platform.csv.CsvRow;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Component;

/** Finds the persons a CSV file names by {@code email} or {@code external_id}, with one query per kind. */
@Component
class PersonResolver {

    private final Persons persons;

    PersonResolver(Persons persons) {
        this.persons = persons;
    }

    /** The persons named in a document, ready to resolve line by line. */
    record Lookup(Map<String, Person> byEmail, Map<String, Person> byExternalId) {

        /** The id of the person a line names, or {@code null} after recording why there is none. */
        Long resolve(CsvFields fields, CsvRow row) {
            String email = row.get("email");
            String externalId = row.get("external_id");
            if (email == null && externalId == null) {
                fields.fail("email", "is required (or external_id)");
                return null;
            }
            Person person = email != null ? byEmail.get(email.toLowerCase(Locale.ROOT)) : byExternalId.get(externalId);
            if (person == null) {
                String column = email != null ? "email" : "external_id";
                fields.fail(column, "no person has the " + column.replace('_', ' ') + " '" + (email != null ? email : externalId) + "'");
                return null;
            }
            return person.id();
        }
    }

    Lookup lookup(CsvDocument document) {
        var emails = document.rows().stream().map(r -> r.get("email")).filter(Objects::nonNull)
                .map(e -> e.toLowerCase(Locale.ROOT)).distinct().toList();
        var externalIds = document.rows().stream().map(r -> r.get("external_id")).filter(Objects::nonNull).distinct()
                .toList();
        return new Lookup(persons.findByEmails(emails), persons.findByExternalIds(externalIds));
    }
}
