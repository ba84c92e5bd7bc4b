package dev.pitwall.operations;

import dev.pitwall.portfolio.DecisionRight;
import java.util.List;

/**
 * What kind of trouble a signal shows, and so whose decision right it reaches first. After the first
 * responder come the escalation contact and then the accountable owner (docs/continuous-management.md).
 */
public enum SignalCategory {
    /** Quality of the output, as evaluated or as people accept and override it. */
    QUALITY(DecisionRight.QUALITY_MONITOR),
    /** Whether the intended users use it, and how deeply. */
    ADOPTION(DecisionRight.QUALITY_MONITOR),
    /** Business outcomes: realization and KPIs against their targets. */
    OUTCOME(DecisionRight.QUALITY_MONITOR),
    /** Availability, errors, latency, deployments and cost. */
    TECHNICAL(DecisionRight.TECHNICAL_OWNER),
    /** Usage that stops (silence) or goes to no workflow: the people using it need support. */
    USAGE(DecisionRight.SUPPORT_OWNER);

    private final DecisionRight firstResponder;

    SignalCategory(DecisionRight firstResponder) {
        this.firstResponder = firstResponder;
    }

    public DecisionRight firstResponder() {
        return firstResponder;
    }

    /** The rights an incident of this category is routed along, in order. */
    public List<DecisionRight> route() {
        return List.of(firstResponder, DecisionRight.ESCALATION_CONTACT, DecisionRight.ACCOUNTABLE_OWNER);
    }
}
