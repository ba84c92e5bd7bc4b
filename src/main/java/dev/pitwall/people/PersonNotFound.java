package dev.pitwall.people;

import dev.pitwall.platform.web.NotFoundException;

public class PersonNotFound extends NotFoundException {
    public PersonNotFound(Object key) {
        super("PERSON_NOT_FOUND", "Person", key);
    }
}
