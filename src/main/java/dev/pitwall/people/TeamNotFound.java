package dev.pitwall.people;

import dev.pitwall.platform.web.NotFoundException;

public class TeamNotFound extends NotFoundException {
    public TeamNotFound(Object key) {
        super("TEAM_NOT_FOUND", "Team", key);
    }
}
