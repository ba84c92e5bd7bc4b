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
 * @param promotable whether a move to production would be accepted now (passed, or waived)
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
     */
    public record CheckOutcome(String id, String title, boolean passed, String summary, List<String> reasons) {
    }

    public List<CheckOutcome> failed() {
        return checks.stream().filter(c -> !c.passed()).toList();
    }
}
