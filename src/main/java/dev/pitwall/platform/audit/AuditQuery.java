package dev.pitwall.platform.audit;

import java.time.Instant;

/**
 * Filters of the audit log; every {@code null} filter matches everything.
 *
 * @param entityType entries about this kind of entity
 * @param entityId entries about this entity (with {@code entityType})
 * @param actor entries made by this user
 * @param action entries of this action
 * @param from entries at or after this time
 * @param to entries before this time
 */
public record AuditQuery(String entityType, String entityId, String actor, AuditAction action, Instant from,
        Instant to) {

    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null, null, null);
    }
}
