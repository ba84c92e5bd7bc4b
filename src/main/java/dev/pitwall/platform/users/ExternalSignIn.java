package dev.pitwall.platform.users;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.web.ConflictException;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user someone signing in with an identity provider is: the user already linked to their
 * identity; else the one user with their email (a local account becomes linked); else a new
 * user without a password. Each sign-in brings the user's name, email and role up to date with
 * the provider, which is the authority on them; every change is audited.
 */
@Service
public class ExternalSignIn {

    private static final Logger log = LoggerFactory.getLogger(ExternalSignIn.class);
    static final String IDENTITY = "USER_IDENTITY";

    private final Users users;
    private final UserService userService;
    private final AuditLog auditLog;
    private final Clock clock;

    ExternalSignIn(Users users, UserService userService, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.userService = userService;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    /** What the audit log records when an identity is linked to a user. */
    record LinkedIdentity(String username, String issuer, String subject) {
    }

    @Transactional
    public User signIn(ExternalIdentity identity) {
        String email = UserService.normalizeEmail(identity.email());
        User user = users.findByIdentity(identity.issuer(), identity.subject()).orElse(null);
        if (user == null) {
            user = (email == null ? null : users.findOnlyByEmail(email).orElse(null));
            if (user == null) {
                user = create(identity, email);
            }
            long id = users.insertIdentity(user.id(), identity.issuer(), identity.subject(), clock.instant());
            auditLog.append(AuditRecord.created(IDENTITY, id,
                    new LinkedIdentity(user.username(), identity.issuer(), identity.subject())));
        } else {
            users.touchIdentity(identity.issuer(), identity.subject(), clock.instant());
        }
        if (!user.enabled()) {
            throw new ExternalSignInRefused("The user '" + user.username() + "' is disabled.");
        }
        return bringUpToDate(user, identity, email);
    }

    private User create(ExternalIdentity identity, String email) {
        String username = freeUsername(identity.username());
        String displayName = displayName(identity, username);
        long id = users.insertWithoutPassword(new NewUser(username, displayName, email, identity.role(), null),
                clock.instant());
        User created = userService.get(id);
        auditLog.append(AuditRecord.created(UserService.ENTITY, id, created));
        return created;
    }

    private User bringUpToDate(User user, ExternalIdentity identity, String email) {
        UserUpdate wanted = new UserUpdate(displayName(identity, user.displayName()),
                email == null ? user.email() : email, identity.role(), true);
        if (Objects.equals(wanted.displayName(), user.displayName()) && Objects.equals(wanted.email(), user.email())
                && wanted.role() == user.role()) {
            return user;
        }
        try {
            return userService.update(user.id(), wanted);
        } catch (dev.pitwall.platform.web.InvalidInputException unusable) {
            // A name or email the provider sends that Pitwall cannot keep: sign in as the user is.
            log.warn("Kept the details of '{}': {}", user.username(), unusable.getMessage());
            return user;
        } catch (ConflictException lastAdmin) {
            // The provider no longer makes them an administrator, but they are the last one:
            // keep the role (the installation must stay administrable), take the rest.
            log.warn("Kept the role of '{}': {}", user.username(), lastAdmin.getMessage());
            return userService.update(user.id(), new UserUpdate(wanted.displayName(), wanted.email(), user.role(), true));
        }
    }

    /**
     * The name asked for, made of the characters user names allow (an email-like name keeps its
     * part before the '@'), with -2, -3 ... when a user already has it.
     */
    private String freeUsername(String wanted) {
        String name = wanted == null ? "" : wanted.trim();
        if (name.indexOf('@') > 0) {
            name = name.substring(0, name.indexOf('@'));
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_");
        String base = truncate(name.isEmpty() ? "user" : name, 90);
        String candidate = base;
        for (int n = 2; users.existsByUsername(candidate); n++) {
            candidate = base + "-" + n;
        }
        return candidate;
    }

    private static String displayName(ExternalIdentity identity, String fallback) {
        String name = identity.displayName();
        return truncate(name == null || name.isBlank() ? fallback : name.trim(), 200);
    }

    private static String truncate(String value, int max) {
        return value.length() <= max ? value : value.substring(0, max);
    }
}
