package dev.pitwall.telemetry.internal;

import dev.pitwall.telemetry.Attribution;
import dev.pitwall.telemetry.IncomingEvent;

/**
 * An event with its person, AI system and workflow resolved to ids, ready to store.
 *
 * @param event the event as delivered
 * @param personId the person, or {@code null} when not in the directory
 * @param personRef the reference as delivered, kept for people not in the directory
 * @param systemId the AI system, or {@code null} when telemetry matched none
 * @param workflowId the workflow, or {@code null} (unaligned)
 * @param attribution how the workflow was decided
 * @param ruleId the rule, for {@code RULE}
 */
public record ResolvedEvent(IncomingEvent event, Long personId, String personRef, Long systemId, Long workflowId,
        Attribution attribution, Long ruleId) {
}
