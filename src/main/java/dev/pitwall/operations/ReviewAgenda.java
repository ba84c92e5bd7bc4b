package dev.pitwall.operations;

import java.time.LocalDate;
import java.util.List;

/**
 * The agenda Pitwall builds for a workflow's operating review from the data on a day: what changed
 * since the last review and what needs a decision. A recorded review keeps the agenda it was held on.
 *
 * @param since the day of the last review, or {@code null} for a first review (then figures are
 *     compared with one cadence earlier)
 * @param comparedWith the day the moved figures are compared with
 * @param movedFigures scorecard figures whose change reached the threshold
 * @param incidents incidents opened since {@code comparedWith}, or still open
 * @param firingMonitors monitors firing now
 * @param expiringEvidence required controls whose evidence is missing or expires within 30 days
 * @param gatePassed whether the gate passes now
 * @param gateFailures the checks failing now, each with its reasons
 * @param adoptionStalled depth of adoption not rising over the last four weeks
 * @param kpis the business-outcome KPIs against their targets
 * @param openActions actions of earlier reviews still open
 */
public record ReviewAgenda(String workflowKey, String workflowName, LocalDate asOf, LocalDate since,
        LocalDate comparedWith, List<MovedFigure> movedFigures, List<IncidentItem> incidents,
        List<MonitorItem> firingMonitors, List<EvidenceItem> expiringEvidence, boolean gatePassed,
        List<String> gateFailures, AdoptionTrend adoption, List<KpiItem> kpis, List<ActionItem> openActions) {

    /** A figure that moved by at least the threshold: its value then and now. */
    public record MovedFigure(String figure, Double before, Double after, String unit) {
    }

    public record IncidentItem(long id, String title, String severity, String status) {
    }

    public record MonitorItem(long id, String name, String signal, Double value, double threshold, String comparator) {
    }

    public record EvidenceItem(String controlKey, String controlName, String gap) {
    }

    /** Depth of adoption four weeks ago and now; stalled when it did not rise. */
    public record AdoptionTrend(Double fourWeeksAgo, Double now, boolean stalled) {
    }

    /** A KPI's current value against its target, in the direction it should move. */
    public record KpiItem(String name, String unit, String direction, Double current, Double target, Boolean onTarget) {
    }

    public record ActionItem(long id, String title, String ownerName, LocalDate dueOn, boolean overdue) {
    }
}
