package dev.pitwall.operations;

import java.time.LocalDate;

/**
 * When a live workflow's next fallback drill is due.
 *
 * @param tier its risk tier, or {@code null} when not classified (drilled like MEDIUM)
 * @param every the months between drills for that tier
 * @param fallbackDeclared whether it has declared a fallback at all
 * @param lastPassed the day of its last passed drill, or {@code null}
 * @param dueOn the last passed drill plus the period; today when it never passed one
 * @param overdue whether {@code dueOn} lies before today, or it never passed a drill
 */
public record DrillSchedule(String workflowKey, String workflowName, String stage, String tier, int every,
        boolean fallbackDeclared, LocalDate lastPassed, LocalDate dueOn, boolean overdue) {
}
