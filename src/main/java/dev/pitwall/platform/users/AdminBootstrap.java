package dev.pitwall.platform.users;

import dev.pitwall.platform.PlatformProperties;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.security.SystemActor;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On a first start with no users, creates {@code admin}: with {@code PITWALL_ADMIN_PASSWORD} when
 * set, otherwise with a random password printed to the log this one time. The password is never
 * logged again (it is only stored as a BCrypt hash).
 */
@Component
@Order(AdminBootstrap.ORDER)
class AdminBootstrap implements ApplicationRunner {

    /** Runs after the demo generator, which creates its own users. */
    static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final UserService users;
    private final PlatformProperties properties;

    AdminBootstrap(UserService users, PlatformProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.hasAnyUser()) {
            return;
        }
        boolean configured = properties.adminPassword() != null && !properties.adminPassword().isBlank();
        String password = configured ? properties.adminPassword() : randomPassword();
        SystemActor.runAs("bootstrap", () -> users.create(
                new NewUser("admin", "Administrator", null, Role.ADMIN, password)));
        if (configured) {
            log.info("Created the initial administrator 'admin' with the password from PITWALL_ADMIN_PASSWORD.");
        } else {
            log.warn("""

                    ================================================================
                     Created the initial administrator.
                       username: admin
                       password: {}
                     This password is shown only this once; change it after signing in.
                    ================================================================""", password);
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder(20);
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
