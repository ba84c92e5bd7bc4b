package dev.pitwall.operations;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of continuous management, under {@code pitwall.operations.*}.
 *
 * @param roundInterval how often monitors are evaluated and acknowledgement deadlines checked; each
 *     round runs on one node only, whichever claims it first
 * @param evaluate whether this node takes part in the rounds at all (off on nodes that only serve)
 * @param acknowledgeSev1 how long the person an SEV1 incident is routed to has to acknowledge it
 *     before it is escalated to the next holder along its route
 * @param acknowledgeSev2 the same for SEV2
 * @param acknowledgeSev3 the same for SEV3
 * @param acknowledgeSev4 the same for SEV4; 0 means never escalated
 * @param drillMonthsHigh months between fallback drills of CRITICAL and HIGH risk workflows
 * @param drillMonthsMedium the same for MEDIUM risk and workflows not classified yet
 * @param drillMonthsLow the same for LOW risk
 * @param reviewMonthsHigh months between operating reviews of CRITICAL and HIGH risk workflows
 * @param reviewMonthsMedium the same for MEDIUM risk and workflows not classified yet
 * @param reviewMonthsLow the same for LOW risk
 * @param reviewGraceDays days an operating review may be overdue before the gate check fails
 * @param reviewFigureMove the change of a figure between 0 and 1 (quality, reach, depth...) since
 *     the last review that puts it on the next review's agenda
 */
@Validated
@ConfigurationProperties("pitwall.operations")
public record OperationsProperties(
        @NotNull @DefaultValue("1m") Duration roundInterval,
        @DefaultValue("true") boolean evaluate,
        @NotNull @DefaultValue("15m") Duration acknowledgeSev1,
        @NotNull @DefaultValue("1h") Duration acknowledgeSev2,
        @NotNull @DefaultValue("8h") Duration acknowledgeSev3,
        @NotNull @DefaultValue("0s") Duration acknowledgeSev4,
        @jakarta.validation.constraints.Min(1) @DefaultValue("3") int drillMonthsHigh,
        @jakarta.validation.constraints.Min(1) @DefaultValue("6") int drillMonthsMedium,
        @jakarta.validation.constraints.Min(1) @DefaultValue("12") int drillMonthsLow,
        @jakarta.validation.constraints.Min(1) @DefaultValue("1") int reviewMonthsHigh,
        @jakarta.validation.constraints.Min(1) @DefaultValue("3") int reviewMonthsMedium,
        @jakarta.validation.constraints.Min(1) @DefaultValue("6") int reviewMonthsLow,
        @jakarta.validation.constraints.Min(0) @DefaultValue("14") int reviewGraceDays,
        @jakarta.validation.constraints.DecimalMin("0.001") @DefaultValue("0.05") double reviewFigureMove) {

    /** Months between fallback drills for a risk tier ({@code null}: not classified, like MEDIUM). */
    public int drillMonths(dev.pitwall.governance.RiskTier tier) {
        if (tier == null || tier == dev.pitwall.governance.RiskTier.MEDIUM) {
            return drillMonthsMedium;
        }
        return tier == dev.pitwall.governance.RiskTier.LOW ? drillMonthsLow : drillMonthsHigh;
    }

    /** Months between operating reviews for a risk tier ({@code null}: not classified, like MEDIUM). */
    public int reviewMonths(dev.pitwall.governance.RiskTier tier) {
        if (tier == null || tier == dev.pitwall.governance.RiskTier.MEDIUM) {
            return reviewMonthsMedium;
        }
        return tier == dev.pitwall.governance.RiskTier.LOW ? reviewMonthsLow : reviewMonthsHigh;
    }

    /** The acknowledgement deadline of a severity, or {@code null} when it has none. */
    public Duration acknowledgeWithin(Severity severity) {
        Duration within = switch (severity) {
            case SEV1 -> acknowledgeSev1;
            case SEV2 -> acknowledgeSev2;
            case SEV3 -> acknowledgeSev3;
            case SEV4 -> acknowledgeSev4;
        };
        return within.isZero() || within.isNegative() ? null : within;
    }
}
