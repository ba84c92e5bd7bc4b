package dev.pitwall.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * The gate of a workflow on a day.
 *
 * @param workflowKey the workflow
 * @param stage its current stage
 * @param evaluatedOn the day evaluated
 * @param passed whether every check passes
 * @param checks every check with its outcome
 * @param activeWaiver the waiver valid today, if any
 * @param promotable whether a move to production would be accepted now (passed, or waived and
 *     no failing check blocks outright)
 */
public record GateResult(String workflowKey, WorkflowStage stage, LocalDate evaluatedOn, boolean passed,
        List<CheckOutcome> checks, Waiver activeWaiver, boolean promotable) {

    /**
     * One check's outcome.
     *
     * @param id the check's id
     * @param title its name
     * @param passed whether it passes
     * @param summary why it passes, when it does
     * @param reasons what fails, when it does
     * @param waivable whether a waiver may cover the failure (true when it passes)
     * @param fix the form that fixes it
     */
    public record CheckOutcome(String id, String title, boolean passed, String summary, List<String> reasons,
            boolean waivable, GateCheck.Fix fix) {
    }

    public List<CheckOutcome> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }

    /** Whether a waiver could cover every failing check (false when one blocks outright). */
    public boolean waivable() {
        return checks.stream().allMatch(CheckOutcome::waivable);
    }
}
