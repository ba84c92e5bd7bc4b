package dev.pitwall.platform.users;

import dev.pitwall.platform.audit.AuditLog;
import dev.pitwall.platform.audit.AuditRecord;
import dev.pitwall.platform.security.Role;
import dev.pitwall.platform.web.ConflictException;
import dev.pitwall.platform.web.InputValidator;
import dev.pitwall.platform.web.InvalidInputException;
import java.time.Clock;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates and maintains users; every change is audited (never with the password hash). */
@Service
public class UserService {

    static final String ENTITY = "USER";

    private final Users users;
    private final PasswordEncoder passwordEncoder;
    /** The hash of the demo users' password, computed once. */
    private volatile String demoPasswordHash;
    private final AuditLog auditLog;
    private final Clock clock;
    private final UserSessions sessions;
    private final InputValidator validator;

    private final org.springframework.context.ApplicationEventPublisher events;

    UserService(Users users, PasswordEncoder passwordEncoder, AuditLog auditLog, Clock clock, UserSessions sessions,
            InputValidator validator, org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.validator = validator;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.auditLog = auditLog;
        this.clock = clock;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<User> findAll() {
        return users.findAll();
    }

    /** The users who sign in with an identity provider (linked to an identity there). */
    @Transactional(readOnly = true)
    public java.util.Set<Long> signingInWithProvider() {
        return users.idsWithIdentity();
    }

    @Transactional(readOnly = true)
    public User get(long id) {
        return users.findById(id).orElseThrow(() -> new UserNotFound(id));
    }

    @Transactional(readOnly = true)
    public boolean hasAnyUser() {
        return users.count() > 0;
    }

    /** Creates a user whose password satisfies the password policy. */
    @Transactional
    public User create(NewUser user) {
        validator.validate(user);
        PasswordPolicy.check("password", user.password(), user.username());
        return insert(user);
    }

    /**
     * Creates one of the demo organization's users, whose password is the published word
     * {@code demo}; only the demo generator calls this.
     */
    @Transactional
    public User createDemoUser(String username, String displayName, String email, Role role) {
        // BCrypt is slow on purpose; the demo users share one published password, so one hash will do.
        if (demoPasswordHash == null) {
            demoPasswordHash = passwordEncoder.encode("demo");
        }
        return insert(new NewUser(username, displayName, email, role, "demo"), demoPasswordHash);
    }

    @Transactional
    public User update(long id, UserUpdate update) {
        validator.validate(update);
        User before = get(id);
        boolean losesAdmin = before.role() == Role.ADMIN && before.enabled()
                && (update.role() != Role.ADMIN || !update.enabled());
        if (losesAdmin && users.countEnabledAdmins() <= 1) {
            throw new ConflictException("LAST_ADMIN", "At least one enabled administrator must remain.");
        }
        users.update(id, normalize(update), clock.instant());
        User after = get(id);
        auditLog.append(AuditRecord.updated(ENTITY, id, before, after));
        if (!after.enabled() || after.role() != before.role()) {
            sessions.endSessionsOf(after.username());
        }
        return after;
    }

    /**
     * Enables or disables the users whose email is this one (the user of a directory person),
     * as when the identity provider deactivates or reactivates the person. Disabling ends their
     * sessions at once, and their API tokens stop working with it. Audited; the last enabled
     * administrator is kept enabled.
     *
     * @return how many users changed
     */
    @Transactional
    public int setEnabledOfUsersWithEmail(String email, boolean enabled) {
        if (email == null || email.isBlank()) {
            return 0;
        }
        int changed = 0;
        for (User user : users.findAllByEmail(email.trim())) {
            if (user.enabled() == enabled) {
                continue;
            }
            try {
                update(user.id(), new UserUpdate(user.displayName(), user.email(), user.role(), enabled));
                changed++;
            } catch (ConflictException lastAdmin) {
                org.slf4j.LoggerFactory.getLogger(UserService.class)
                        .warn("Kept '{}' enabled: {}", user.username(), lastAdmin.getMessage());
            }
        }
        return changed;
    }

    /**
     * A user changes their own password, proving they know the current one. Their other browser
     * sessions end (the one they are in goes on); their API tokens stay, as they are theirs.
     */
    @Transactional
    public void changeOwnPassword(long id, String currentPassword, String newPassword) {
        User user = get(id);
        String hash = users.findCredentials(user.username()).orElseThrow().passwordHash();
        if (hash == null) {
            throw InvalidInputException.ofField("currentPassword",
                    "you sign in with your identity provider; Pitwall holds no password of yours to change");
        }
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw InvalidInputException.ofField("currentPassword", "is not your current password");
        }
        setPassword(user, newPassword);
        sessions.endOtherSessionsOf(user.username());
    }

    /**
     * An administrator sets a new password for a user: every session of the user ends and every API
     * token of the user is revoked ({@link PasswordReset}), so old credentials stop working at once.
     */
    @Transactional
    public void resetPassword(long id, String newPassword) {
        User user = get(id);
        setPassword(user, newPassword);
        sessions.endSessionsOf(user.username());
        events.publishEvent(new PasswordReset(user.id(), user.username()));
    }

    private void setPassword(User user, String newPassword) {
        PasswordPolicy.check("newPassword", newPassword, user.username());
        users.updatePassword(user.id(), passwordEncoder.encode(newPassword), clock.instant());
        // The audit entry says that the password changed, never what it is.
        auditLog.append(AuditRecord.updated(ENTITY, user.id(), new PasswordChange(user.username(), false),
                new PasswordChange(user.username(), true)));
    }

    private User insert(NewUser user) {
        return insert(user, passwordEncoder.encode(user.password()));
    }

    private User insert(NewUser user, String passwordHash) {
        if (users.existsByUsername(user.username())) {
            throw new ConflictException("USERNAME_TAKEN", "A user named '" + user.username() + "' already exists.");
        }
        NewUser normalized = new NewUser(user.username().trim(), user.displayName().trim(), normalizeEmail(user.email()),
                user.role(), user.password());
        long id = users.insert(normalized, passwordHash, clock.instant());
        User created = get(id);
        auditLog.append(AuditRecord.created(ENTITY, id, created));
        return created;
    }

    private static UserUpdate normalize(UserUpdate update) {
        return new UserUpdate(update.displayName().trim(), normalizeEmail(update.email()), update.role(), update.enabled());
    }

    /** Emails are kept trimmed and lower-case; a blank one is none. */
    static String normalizeEmail(String value) {
        return value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
    }

    /** What the audit log records of a password change. */
    record PasswordChange(String username, boolean passwordChanged) {
    }
}
