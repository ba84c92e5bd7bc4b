package dev.pitwall.operations;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a monitor watches. Scorecard figures are read from the workflow's scorecard on the
 * evaluation day (its own window W, docs/metrics.md); telemetry signals are computed over the
 * monitor's window from the daily rollups (latency from the raw events).
 */
public enum MonitorSignal {
    QUALITY("quality", "ratio", true, SignalCategory.QUALITY),
    AVAILABILITY("availability", "ratio", true, SignalCategory.TECHNICAL),
    DEPLOYMENTS_PER_MONTH("deploymentsPerMonth", "perMonth", true, SignalCategory.TECHNICAL),
    ACCEPTANCE_RATE("acceptanceRate", "ratio", false, SignalCategory.QUALITY),
    OVERRIDE_RATE("overrideRate", "ratio", false, SignalCategory.QUALITY),
    REACH("reach", "ratio", true, SignalCategory.ADOPTION),
    ADOPTION_DEPTH("adoptionDepth", "ratio", true, SignalCategory.ADOPTION),
    REALIZATION("realization", "ratio", true, SignalCategory.OUTCOME),
    /** A KPI's current value (compare it with its target); needs {@code kpiId}. */
    KPI("kpi", "kpi", true, SignalCategory.OUTCOME),
    ERROR_RATE("errorRate", "ratio", false, SignalCategory.TECHNICAL),
    LATENCY_P95("latencyP95", "ms", false, SignalCategory.TECHNICAL),
    COST_PER_DAY("costPerDay", "money", false, SignalCategory.TECHNICAL),
    /** Events per day: below a threshold, a silence detector. */
    EVENTS_PER_DAY("eventsPerDay", "perDay", false, SignalCategory.USAGE),
    /** The share of an AI system's events tied to no workflow. */
    UNATTRIBUTED_SHARE("unattributedShare", "ratio", false, SignalCategory.USAGE);

    private final String id;
    private final String unit;
    private final boolean fromScorecard;
    private final SignalCategory category;

    MonitorSignal(String id, String unit, boolean fromScorecard, SignalCategory category) {
        this.id = id;
        this.unit = unit;
        this.fromScorecard = fromScorecard;
        this.category = category;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public String unit() {
        return unit;
    }

    /** Whether it is read from the workflow scorecard (else computed from telemetry). */
    public boolean fromScorecard() {
        return fromScorecard;
    }

    /** A workflow's events are all tied to it, so its unattributed share says nothing. */
    public boolean appliesToWorkflow() {
        return this != UNATTRIBUTED_SHARE;
    }

    /** AI systems have no scorecard of their own here: only telemetry signals apply to them. */
    public boolean appliesToSystem() {
        return !fromScorecard;
    }

    public SignalCategory category() {
        return category;
    }

    public static Optional<MonitorSignal> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id) || s.name().equals(id)).findFirst();
    }

    @JsonCreator
    static MonitorSignal of(String id) {
        return byId(id).orElseThrow(() -> new IllegalArgumentException("unknown signal " + id));
    }
}
