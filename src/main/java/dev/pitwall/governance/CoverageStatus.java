package dev.pitwall.governance;

/** How well a framework entry is covered by implemented controls across the portfolio. */
public enum CoverageStatus {
    /** Every workflow that needs one of its controls has one in place with unexpired evidence. */
    COVERED,
    /** Some of those workflows do, some do not. */
    PARTIAL,
    /** None of those workflows does. */
    GAP,
    /** Controls map to it, but no classified workflow's tier requires them. */
    NOT_REQUIRED,
    /** No control of the library maps to it. */
    UNMAPPED
}
