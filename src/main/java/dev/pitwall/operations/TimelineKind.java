package dev.pitwall.operations;

/** What happened on an incident's timeline. */
public enum TimelineKind {
    OPENED, FIRED_AGAIN, RECOVERED, ROUTED, ROUTING_GAP, ESCALATED, ACKNOWLEDGED, MITIGATED, RESOLVED, COMMENT,
    /** Marked a serious incident under Art. 73 of the EU AI Act, with its reporting deadline. */
    MARKED_SERIOUS,
    /** Reported to the market surveillance authority. */
    REPORTED,
    /** The workflow's lifecycle policy acted: demoted, fallback mode, notify only, reinstated. */
    LIFECYCLE,
    /** A deployment of one of the workflow's AI systems while the incident was open (read from measurement). */
    DEPLOYMENT,
    /** An email to the person it was routed to was queued (email configured). */
    NOTIFIED
}
