package dev.pitwall.operations;

import java.time.LocalDate;

/**
 * When a workflow's next operating review is due, on a day.
 *
 * @param stage its stage on that day
 * @param tier its risk tier, or {@code null} when not classified (reviewed like MEDIUM)
 * @param everyMonths the months between reviews: its own cadence, or its tier's
 * @param ownCadence whether {@code everyMonths} is the workflow's own, not its tier's
 * @param lastHeldOn the day of its last review on or before that day, or {@code null}
 * @param dueOn the last review plus the cadence; without a review, one cadence after it was
 *     registered or last entered pilot; {@code null} when it is not live (IDEA or RETIRED)
 * @param daysOverdue days past {@code dueOn}, 0 when not overdue
 * @param graceDays the days an overdue review is tolerated before the gate check fails
 * @param failsGate whether the review is overdue beyond the grace period
 */
public record ReviewSchedule(String workflowKey, String workflowName, String stage, String tier, int everyMonths,
        boolean ownCadence, LocalDate lastHeldOn, LocalDate dueOn, long daysOverdue, int graceDays, boolean failsGate) {

    public boolean live() {
        return dueOn != null;
    }

    /** The cadence for people: "monthly", "every 3 months". */
    public String cadence() {
        return everyMonths == 1 ? "monthly" : "every " + everyMonths + " months";
    }

    public boolean overdue() {
        return daysOverdue > 0;
    }
}
