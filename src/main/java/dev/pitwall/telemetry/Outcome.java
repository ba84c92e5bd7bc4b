package dev.pitwall.telemetry;

/** What the person did with the AI's output. */
public enum Outcome {
    ACCEPTED, EDITED, OVERRIDDEN, REJECTED, UNKNOWN
}
