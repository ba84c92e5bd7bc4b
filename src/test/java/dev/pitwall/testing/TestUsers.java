package dev.pitwall.testing;

import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.users.NewUser;
import dev.pitwall.platform.users.User;
import dev.pitwall.platform.users.UserService;
import java.util.Locale;
import java.util.UUID;

/** Creates users with a known password for tests; names are unique so tests never collide. */
public final class TestUsers {

    public static final String PASSWORD = "correct-horse-battery";

    private TestUsers() {
    }

    public static User create(UserService users, Role role) {
        String username = role.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        return users.create(new NewUser(username, "Test " + role.label(), null, role, PASSWORD));
    }
}
