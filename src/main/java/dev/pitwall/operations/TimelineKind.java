package dev.pitwall.operations;

/** What happened on an incident's timeline. */
public enum TimelineKind {
    OPENED, FIRED_AGAIN, RECOVERED, ROUTED, ROUTING_GAP, ESCALATED, ACKNOWLEDGED, MITIGATED, RESOLVED, COMMENT,
    /** A deployment of one of the workflow's AI systems while the incident was open (read from measurement). */
    DEPLOYMENT
}
