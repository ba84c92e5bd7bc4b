package dev.pitwall.operations;

import java.time.Instant;

/**
 * A workflow's lifecycle policy and what is in force now.
 *
 * @param onSev1 what a SEV1 incident does while the workflow is in production (default NOTIFY);
 *     a monitor may name its own action for the incidents it opens
 * @param fallbackSince when fallback mode began, or {@code null} when it is not in fallback mode
 * @param fallbackIncidentId the incident that put it in fallback mode
 * @param demotedIncidentId the incident that demoted it, until it is promoted again
 */
public record LifecyclePolicy(String workflowKey, LifecycleAction onSev1, Instant fallbackSince, Long fallbackIncidentId,
        Long demotedIncidentId, Instant updatedAt, String updatedBy) {

    public boolean inFallback() {
        return fallbackSince != null;
    }
}
