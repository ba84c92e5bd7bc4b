package dev.pitwall.portfolio.web;

import dev.pitwall.people.Person;
import dev.pitwall.people.PersonService;
import dev.pitwall.platform.security.PitwallPrincipal;
import dev.pitwall.platform.users.UserService;
import dev.pitwall.portfolio.NotAccountableOwner;
import org.springframework.stereotype.Component;

/** The directory person the signed-in user is (their user's email names them). */
@Component
class CurrentPerson {

    private final UserService users;
    private final PersonService people;

    CurrentPerson(UserService users, PersonService people) {
        this.users = users;
        this.people = people;
    }

    Person require() {
        var user = users.get(PitwallPrincipal.current().orElseThrow().userId());
        if (user.email() == null) {
            throw new NotAccountableOwner("Your user has no email, so Pitwall cannot tell which person you are.");
        }
        return people.findByEmail(user.email()).orElseThrow(() -> new NotAccountableOwner(
                "No person in the directory has your email " + user.email() + "."));
    }
}
