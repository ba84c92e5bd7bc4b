package dev.pitwall.platform.users;

import dev.pitwall.platform.web.NotFoundException;

public class UserNotFound extends NotFoundException {

    public UserNotFound(Object key) {
        super("USER_NOT_FOUND", "User", key);
    }
}
