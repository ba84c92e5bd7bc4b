package dev.pitwall.operations;

import java.time.Instant;

/**
 * A workflow's declared fallback: what people do when its AI must stop acting, who owns that
 * procedure, and the longest acceptable time to switch to it.
 */
public record Fallback(String workflowKey, String workflowName, String procedure, Long ownerId, String ownerName,
        String ownerEmail, int maxSwitchMinutes, Instant updatedAt, String updatedBy) {
}
