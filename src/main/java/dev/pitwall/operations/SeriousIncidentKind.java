package dev.pitwall.operations;

import java.time.Duration;

/**
 * The kind of a serious incident under Art. 73 of the EU AI Act, which sets how long after becoming
 * aware of it the provider or deployer has to report it to the market surveillance authority.
 */
public enum SeriousIncidentKind {
    /** Art. 73(4): the death of a person: 10 days. */
    DEATH(Duration.ofDays(10)),
    /** Art. 73(3): a widespread infringement: 2 days. */
    WIDESPREAD_INFRINGEMENT(Duration.ofDays(2)),
    /** Art. 73(3): a serious and irreversible disruption of critical infrastructure: 2 days. */
    CRITICAL_INFRASTRUCTURE(Duration.ofDays(2)),
    /** Art. 73(2): any other serious incident: 15 days. */
    OTHER(Duration.ofDays(15));

    private final Duration reportWithin;

    SeriousIncidentKind(Duration reportWithin) {
        this.reportWithin = reportWithin;
    }

    public Duration reportWithin() {
        return reportWithin;
    }
}
