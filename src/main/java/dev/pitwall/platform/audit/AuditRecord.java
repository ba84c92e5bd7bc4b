package dev.pitwall.platform.audit;

import java.util.Objects;

/**
 * A change to record. {@code before} and {@code after} are any JSON-serializable values (usually
 * the entity's record); they are stored as canonical JSON. Secrets must never be put in them.
 *
 * @param entityType the kind of entity, e.g. {@code PERSON}
 * @param entityId the entity's id as text
 * @param action create, update or delete
 * @param before the state before the change, {@code null} on create
 * @param after the state after the change, {@code null} on delete
 */
public record AuditRecord(String entityType, String entityId, AuditAction action, Object before, Object after) {

    public AuditRecord {
        Objects.requireNonNull(entityType, "entityType");
        Objects.requireNonNull(entityId, "entityId");
        Objects.requireNonNull(action, "action");
    }

    public static AuditRecord created(String entityType, Object id, Object after) {
        return new AuditRecord(entityType, String.valueOf(id), AuditAction.CREATE, null, after);
    }

    public static AuditRecord updated(String entityType, Object id, Object before, Object after) {
        return new AuditRecord(entityType, String.valueOf(id), AuditAction.UPDATE, before, after);
    }

    public static AuditRecord deleted(String entityType, Object id, Object before) {
        return new AuditRecord(entityType, String.valueOf(id), AuditAction.DELETE, before, null);
    }
}
