package dev.pitwall.platform.audit.internal;

import dev.pitwall.platform.audit.AuditAction;
import dev.pitwall.platform.digest.Sha256;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes an entry's hash: SHA-256 over the canonical JSON of all its stored fields, including
 * the previous entry's hash, so changing, removing or reordering any entry breaks the chain.
 */
public final class AuditHasher {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private AuditHasher() {
    }

    public static String hash(long sequence, Instant occurredAt, String actor, String entityType, String entityId,
            AuditAction action, String before, String after, String previousHash) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("sequence", sequence);
        canonical.put("occurredAt", occurredAt.toString());
        canonical.put("actor", actor);
        canonical.put("entityType", entityType);
        canonical.put("entityId", entityId);
        canonical.put("action", action.name());
        canonical.put("before", before);
        canonical.put("after", after);
        canonical.put("previousHash", previousHash);
        return Sha256.hex(CanonicalJson.write(canonical));
    }

}
