package dev.pitwall.governance;

/** How far a workflow has implemented a control. */
public enum ControlStatus {
    MISSING, PLANNED, IMPLEMENTED, VERIFIED;

    /** Implemented or verified: counts for the gate when evidence is present and unexpired. */
    public boolean inPlace() {
        return this == IMPLEMENTED || this == VERIFIED;
    }
}
