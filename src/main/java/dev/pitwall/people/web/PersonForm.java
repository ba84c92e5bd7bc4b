package dev.pitwall.people.web;

import dev.pitwall.people.Level;
import dev.pitwall.people.Person;
import dev.pitwall.people.PersonDraft;
import dev.pitwall.people.Tier;

/** The person form's fields (manager by email, as people know each other). */
record PersonForm(String email, String externalId, String name, String title, Long teamId, String managerEmail,
        Level level, Tier tier, Boolean active) {

    static PersonForm empty() {
        return new PersonForm("", "", "", "", null, "", Level.PRACTITIONER, Tier.CONSUMER, true);
    }

    static PersonForm of(Person person, String managerEmail) {
        return new PersonForm(person.email(), person.externalId(), person.name(), person.title(), person.teamId(),
                managerEmail, person.level(), person.tier(), person.active());
    }

    PersonDraft toDraft(Long managerId) {
        // An unchecked checkbox sends nothing: the person is then inactive.
        return new PersonDraft(email, externalId, name, title, teamId, managerId, level, tier, Boolean.TRUE.equals(active));
    }
}
