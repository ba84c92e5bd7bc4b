package dev.pitwall.operations.internal;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.UserService;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The person of the directory the signed-in user is: the one with the user's email. */
@Component
public class SignedInPerson {

    private final UserService users;
    private final PersonService people;

    SignedInPerson(UserService users, PersonService people) {
        this.users = users;
        this.people = people;
    }

    /** Empty outside a request, or when the user has no email or no person has it. */
    public Optional<Person> current() {
        return PitwallPrincipal.current().flatMap(p -> {
            String email = users.get(p.userId()).email();
            return email == null ? Optional.empty() : people.findByEmail(email);
        });
    }
}
