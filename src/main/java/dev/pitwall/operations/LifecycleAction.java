package dev.pitwall.operations;

/** What an incident does to a workflow in production, by its lifecycle policy. */
public enum LifecycleAction {
    /** Back to PILOT: the gate must pass again to return to production, after the incident is resolved. */
    DEMOTE,
    /** Fallback mode: the declared fallback procedure is in force until reinstated. */
    FALLBACK,
    /** Nothing beyond routing the incident. */
    NOTIFY
}
