package dev.pitwall.platform.users;

import dev.pitwall.platform.security.Role;
import java.time.Instant;

/**
 * Someone who signs in to Pitwall. The password hash is never part of this record, so it cannot
 * leak into JSON, logs or the audit log.
 */
public record User(long id, String username, String displayName, String email, Role role, boolean enabled,
        Instant createdAt, Instant updatedAt) {
}
