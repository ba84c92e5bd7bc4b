package dev.pitwall.portfolio;

import dev.pitwall.platform.web.NotFoundException;

public class InitiativeNotFound extends NotFoundException {
    public InitiativeNotFound(Object key) {
        super("INITIATIVE_NOT_FOUND", "Initiative", key);
    }
}
