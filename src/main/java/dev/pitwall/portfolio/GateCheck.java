package dev.pitwall.portfolio;

import java.time.LocalDate;
import java.util.List;

/**
 * One check of the pilot → production gate. Modules contribute checks by declaring beans of this
 * type: the portfolio contributes decision rights, data readiness and workforce readiness;
 * measurement, governance and operations contribute theirs.
 */
public interface GateCheck {

    /** Stable id, e.g. {@code decision-rights}. */
    String id();

    /** The check's name for people, e.g. "Decision rights". */
    String title();

    /** Position in the gate (PRODUCT.md numbers the checks 1 to 6). */
    int order();

    /** Evaluates the check for one workflow on a date. */
    Result check(Subject subject);

    /**
     * Where a person fixes what this check found for a workflow: the page and section that holds
     * the form. Failed checks on the workflow's page link there.
     */
    Fix fix(String workflowKey);

    /**
     * A link to the form that fixes a check.
     *
     * @param label what the link says, e.g. "Assign decision rights"
     * @param path the path inside Pitwall (without the context path), with its section anchor
     */
    record Fix(String label, String path) {
    }

    /**
     * What a check looks at.
     *
     * @param details the workflow with all its parts
     * @param intendedUserIds the resolved intended users {@code U_w}
     * @param asOf the day the gate is evaluated
     */
    record Subject(WorkflowDetails details, java.util.Set<Long> intendedUserIds, LocalDate asOf) {
    }

    /** A check's outcome: passed with a summary, or failed with every reason. */
    sealed interface Result permits Passed, Failed {
    }

    /** The check passes; the summary says why in one sentence. */
    record Passed(String summary) implements Result {
    }

    /**
     * The check fails; each reason names one thing to fix.
     *
     * @param waivable whether a waiver may cover it: false for what must never run, such as a
     *     practice the EU AI Act prohibits
     */
    record Failed(List<String> reasons, boolean waivable) implements Result {
        public Failed {
            if (reasons.isEmpty()) {
                throw new IllegalArgumentException("a failed check names at least one reason");
            }
            reasons = List.copyOf(reasons);
        }

        /** A failure the accountable owner may waive. */
        public Failed(List<String> reasons) {
            this(reasons, true);
        }
    }
}
