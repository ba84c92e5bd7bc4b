package dev.pitwall.telemetry;

/**
 * Attributes events of an AI system (optionally only of a team's people, or of one operation) to
 * a workflow, when the event does not name its workflow itself.
 *
 * @param id the rule's id
 * @param name what it is for
 * @param priority lower applies first
 * @param systemKey the AI system whose events it attributes
 * @param teamName only events of people in this team (and its sub-teams), or {@code null} for all
 * @param operation only events of this operation, or {@code null} for all
 * @param workflowKey the workflow it attributes them to
 * @param enabled whether it applies
 */
public record AttributionRule(long id, String name, int priority, String systemKey, String teamName, String operation,
        String workflowKey, boolean enabled) {
}
