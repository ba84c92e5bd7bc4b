package dev.pitwall.telemetry;

/** How an event's workflow was decided. */
public enum Attribution {
    /** The event named its workflow (native {@code workflow}, OTLP {@code pitwall.workflow}). */
    EXPLICIT,
    /** An attribution rule matched. */
    RULE,
    /** Tied to no workflow: unaligned use. */
    NONE
}
