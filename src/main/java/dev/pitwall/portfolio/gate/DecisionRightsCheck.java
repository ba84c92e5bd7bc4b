package dev.pitwall.portfolio.gate;

import dev.pitwall.portfolio.GateCheck;
import dev.pitwall.portfolio.WorkflowDetails.RightHolding;
import dev.pitwall.portfolio.WorkflowDetails.RightStatus;
import java.util.List;
import org.springframework.stereotype.Component;

/** Gate check 1: every decision right is held by a named, active person. */
@Component
public class DecisionRightsCheck implements GateCheck {

    @Override
    public String id() {
        return "decision-rights";
    }

    @Override
    public String title() {
        return "Decision rights";
    }

    @Override
    public Fix fix(String workflowKey) {
        return new Fix("Assign the decision rights", "/portfolio/workflows/" + workflowKey + "#rights");
    }

    @Override
    public int order() {
        return 1;
    }

    @Override
    public Result check(Subject subject) {
        List<String> reasons = subject.details().decisionRights().stream().filter(RightHolding::isGap)
                .map(DecisionRightsCheck::reason).toList();
        return reasons.isEmpty() ? new Passed("All 9 decision rights are held by named, active people (or roles with active members).")
                : new Failed(reasons);
    }

    private static String reason(RightHolding holding) {
        String note = holding.status() == RightStatus.UNHELD && holding.note() != null ? " (" + holding.note() + ")" : "";
        return holding.gapReason() + note + ".";
    }
}
