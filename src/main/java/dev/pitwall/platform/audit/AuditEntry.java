package dev.pitwall.platform.audit;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;

/**
 * One entry of the audit log as stored.
 *
 * @param sequence position in the chain, from 1, without gaps
 * @param occurredAt when the change was committed (millisecond precision)
 * @param actor the user (or system job) who made it
 * @param entityType the kind of entity
 * @param entityId the entity's id
 * @param action create, update or delete
 * @param before canonical JSON of the state before, or {@code null}
 * @param after canonical JSON of the state after, or {@code null}
 * @param previousHash hash of the entry before this one (64 zeros for the first)
 * @param hash SHA-256 (hex) of this entry's canonical form, which includes {@code previousHash}
 */
public record AuditEntry(long sequence, Instant occurredAt, String actor, String entityType, String entityId,
        AuditAction action, @JsonRawValue String before, @JsonRawValue String after, String previousHash,
        String hash) {
}
