package dev.pitwall.operations;

/** An incident's status; it only moves forward, RESOLVED is final. */
public enum IncidentStatus {
    OPEN, ACKNOWLEDGED, MITIGATED, RESOLVED;

    public boolean isOpen() {
        return this != RESOLVED;
    }
}
