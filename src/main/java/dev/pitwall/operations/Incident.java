package dev.pitwall.operations;

import java.time.Instant;

/**
 * An incident: opened by a firing monitor or by a person, routed to the holder of a decision right
 * of its workflow, acknowledged, mitigated and resolved.
 *
 * @param category whose right it is routed along first (see {@link SignalCategory})
 * @param assigneeId the person it is routed to now, or {@code null} when nobody holds any right on its route
 * @param assigneeRight the decision right that person holds
 * @param routeStep the position on the route (0 first responder, 1 escalation contact, 2 accountable owner)
 * @param acknowledgeBy when it escalates unless acknowledged; {@code null} when acknowledged, or with
 *     no deadline, or with nobody left to escalate to
 * @param escalations how often it was escalated
 * @param seriousKind for a serious incident under Art. 73 of the EU AI Act, its kind; else {@code null}
 * @param reportDueAt when it must be reported to the market surveillance authority at the latest
 * @param reportEscalations how many of the two reporting-deadline escalations (half, 90 %) happened
 * @param reportedAt when it was reported, or {@code null}
 * @param reportReference the authority's or the report's reference
 */
public record Incident(long id, String title, String description, Severity severity, IncidentStatus status,
        Long monitorId, String workflowKey, String workflowName, String systemKey, String systemName,
        SignalCategory category, Long assigneeId, String assigneeName, String assigneeRight, int routeStep,
        Instant acknowledgeBy, Instant openedAt, String openedBy, Instant acknowledgedAt, String acknowledgedBy,
        Instant mitigatedAt, Instant resolvedAt, int escalations, Long workflowId, Long systemId,
        SeriousIncidentKind seriousKind, Instant reportDueAt, int reportEscalations, Instant reportedAt,
        String reportReference) {

    /** What it concerns, for people. */
    public String targetName() {
        return workflowName != null ? workflowName : systemName != null ? "AI system " + systemName : "—";
    }
}
