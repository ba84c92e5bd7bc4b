package dev.pitwall.platform.users;

import dev.pitwall.platform.web.InvalidInputException;

/** What a password chosen by a person must satisfy. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static void check(String field, String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw InvalidInputException.ofField(field, "must have at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw InvalidInputException.ofField(field, "must have at most " + MAX_LENGTH + " characters");
        }
        if (password.equalsIgnoreCase(username)) {
            throw InvalidInputException.ofField(field, "must differ from the username");
        }
    }
}
