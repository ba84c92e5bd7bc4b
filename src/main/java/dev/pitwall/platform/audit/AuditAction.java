package dev.pitwall.platform.audit;

/** What happened to the entity. */
public enum AuditAction {
    CREATE, UPDATE, DELETE
}
