package dev.pitwall.people;

import dev.pitwall.platform.identity.PersonLinks;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Links someone signing in with the identity provider to their directory person by external id. */
@Component
class DirectoryPersonLinks implements PersonLinks {

    private final Persons persons;

    DirectoryPersonLinks(Persons persons) {
        this.persons = persons;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOfPersonWithExternalId(String externalId) {
        if (externalId == null || externalId.isBlank()) {
            return Optional.empty();
        }
        return persons.findByExternalId(externalId.trim()).map(Person::email);
    }
}
