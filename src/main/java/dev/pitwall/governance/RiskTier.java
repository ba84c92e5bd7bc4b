package dev.pitwall.governance;

/** Pitwall's internal risk tier of a workflow, from most to least demanding. */
public enum RiskTier {
    CRITICAL, HIGH, MEDIUM, LOW;

    /** Whether this tier is at least as demanding as {@code other}. */
    public boolean atLeast(RiskTier other) {
        return ordinal() <= other.ordinal();
    }
}
